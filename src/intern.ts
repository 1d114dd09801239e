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
  /** Bases by judgement, how, then each deciding rule and its words. */
  private readonly bases = new Trie<JudgementBasis>();
  /** Fired rules by rule, then each word; at the end, one per weight and contribution. */
  private readonly fireds = new Map<Rule, Trie<Fired[]>>();

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
    let node = this.bases.step(basis.judgement).step(basis.how);
    for (const { rule, words } of basis.rules) node = node.step(rule).step(words);
    return (node.value ??= {
      judgement: basis.judgement,
      how: basis.how,
      rules: basis.rules.map(({ rule, words }) => ({
        rule: this.string(rule),
        words: this.string(words),
      })),
    });
  }

  /** A fired rule as findings read it: a match with its weight, words and contribution. */
  fired(rule: Rule, weight: number, words: readonly string[], contribution: number): Fired {
    let node = this.fireds.get(rule);
    if (!node) this.fireds.set(rule, (node = new Trie()));
    // Words end with an empty step, so ["a"] and ["a", ""] part.
    for (const word of words) node = node.step(word);
    const known = (node.step('').value ??= []);
    for (const fired of known) {
      if (fired.outcome.weight === weight && fired.contribution === contribution) return fired;
    }
    const shared: Fired = {
      rule,
      outcome: { state: 'match', weight, words: this.list(words) },
      contribution,
    };
    if (known.length < MAX_VARIANTS) known.push(shared);
    return shared;
  }
}

/** A node of a tree of string steps, holding a value. */
class Trie<V> {
  value: V | undefined;
  private next: Map<string, Trie<V>> | undefined;

  step(key: string): Trie<V> {
    this.next ??= new Map();
    let node = this.next.get(key);
    if (!node) this.next.set(key, (node = new Trie<V>()));
    return node;
  }
}

/** Weights and contributions kept apart under one rule and words; past this many the rest go unshared. */
const MAX_VARIANTS = 64;

/** A string with its own storage: V8 shares the characters of a slice with its parent. */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
