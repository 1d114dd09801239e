import type { JudgementBasis, Rule } from './model/index.js';
import type { Fired } from './score/judge.js';

/**
 * One copy of each repeated value: statement lists, matched words, rule ids,
 * and whole judgement bases and fired rules. A large repository repeats them
 * hundreds of thousands of times, and the merged result is held until the
 * report is written. Values handed out are shared, so they are never changed.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly bases = new Map<string, JudgementBasis>();
  private readonly fireds = new Map<Rule, Map<string, Fired>>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  list(values: readonly string[]): string[] {
    const key = values.length === 1 ? (values[0] as string) : values.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const list = values.map((value) => this.string(value));
    this.lists.set(key, list);
    return list;
  }

  basis(basis: JudgementBasis): JudgementBasis {
    let key = `${basis.judgement}\u0000${basis.how}`;
    for (const { rule, words } of basis.rules) key += `\u0000${rule}\u0001${words}`;
    const known = this.bases.get(key);
    if (known) return known;
    const shared: JudgementBasis = {
      judgement: basis.judgement,
      how: basis.how,
      rules: basis.rules.map(({ rule, words }) => ({
        rule: this.string(rule),
        words: this.string(words),
      })),
    };
    this.bases.set(key, shared);
    return shared;
  }

  /** A fired rule as findings read it: a match with its weight, words and contribution. */
  fired(rule: Rule, weight: number, words: readonly string[], contribution: number): Fired {
    let byRule = this.fireds.get(rule);
    if (!byRule) this.fireds.set(rule, (byRule = new Map()));
    const key = `${weight}\u0000${contribution}\u0000${words.join('\u0000')}`;
    const known = byRule.get(key);
    if (known) return known;
    const shared: Fired = {
      rule,
      outcome: { state: 'match', weight, words: this.list(words) },
      contribution,
    };
    byRule.set(key, shared);
    return shared;
  }
}

/** A string with its own storage: V8 shares the characters of a slice with its parent. */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
