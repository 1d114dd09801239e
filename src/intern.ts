/**
 * One copy of each repeated value (statement lists, matched words, rule ids):
 * a large repository repeats them hundreds of thousands of times, and the
 * merged result is held until the report is written.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  list(values: string[]): string[] {
    const key = values.length === 1 ? (values[0] as string) : values.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const list = values.map((value) => this.string(value));
    this.lists.set(key, list);
    return list;
  }
}
