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
  /** By first rule (or judgement, when none) and its words. */
  private readonly bases = new Map<string, Map<string, JudgementBasis[]>>();
  private readonly fireds = new Map<Rule, Map<string, Fired[]>>();

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
    const first = basis.rules[0];
    const outer = first ? first.rule : basis.judgement;
    let byWords = this.bases.get(outer);
    if (!byWords) this.bases.set(outer, (byWords = new Map()));
    const inner = first ? first.words : '';
    let bucket = byWords.get(inner);
    if (!bucket) byWords.set(inner, (bucket = []));
    for (const known of bucket) if (sameBasis(known, basis)) return known;
    const shared: JudgementBasis = {
      judgement: basis.judgement,
      how: basis.how,
      rules: basis.rules.map(({ rule, words }) => ({
        rule: this.string(rule),
        words: this.string(words),
      })),
    };
    if (bucket.length < MAX_BUCKET) bucket.push(shared);
    return shared;
  }

  /** A fired rule as findings read it: a match with its weight, words and contribution. */
  fired(rule: Rule, weight: number, words: readonly string[], contribution: number): Fired {
    let byRule = this.fireds.get(rule);
    if (!byRule) this.fireds.set(rule, (byRule = new Map()));
    const key = words.length > 0 ? (words[0] as string) : '';
    let bucket = byRule.get(key);
    if (!bucket) byRule.set(key, (bucket = []));
    for (const known of bucket) {
      if (
        known.outcome.weight === weight &&
        known.contribution === contribution &&
        sameStrings(known.outcome.words, words)
      )
        return known;
    }
    const shared: Fired = {
      rule,
      outcome: { state: 'match', weight, words: this.list(words) },
      contribution,
    };
    if (bucket.length < MAX_BUCKET) bucket.push(shared);
    return shared;
  }
}

/**
 * Values found under one key (a basis's first rule and words, a fired rule's
 * first word) are told apart one by one; past this many the rest go unshared,
 * so a hostile repository cannot make that quadratic.
 */
const MAX_BUCKET = 64;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBasis(a: JudgementBasis, b: JudgementBasis): boolean {
  if (a.judgement !== b.judgement || a.how !== b.how || a.rules.length !== b.rules.length)
    return false;
  for (let i = 0; i < a.rules.length; i++) {
    const x = a.rules[i]!;
    const y = b.rules[i]!;
    if (x.rule !== y.rule || x.words !== y.words) return false;
  }
  return true;
}

/** A string with its own storage: V8 shares the characters of a slice with its parent. */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
