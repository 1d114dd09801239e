import type { TextCondition } from '../../model/index.js';
import {
  clauseWeight,
  isIrrealis,
  isNegated,
  isResolvedAfter,
  sentenceBit,
  tokenAt,
} from '../text.js';
import type { PreparedText } from '../text.js';
import type { Operator, Outcome } from './types.js';
import type { Word } from '../words.js';
import { NONE } from './types.js';

export const DEFAULT_FIELDS = ['title', 'summary'] as const;
const patternCache = new WeakMap<TextCondition, RegExp[]>();

function patternsFor(condition: TextCondition): RegExp[] {
  let regexes = patternCache.get(condition);
  if (!regexes) {
    regexes = (condition.patterns ?? []).map((pattern) => new RegExp(pattern, 'gi'));
    patternCache.set(condition, regexes);
  }
  return regexes;
}

/** Checks a text condition's patterns compile; throws with the bad one named. */
export function compileTextCondition(condition: TextCondition): void {
  patternsFor(condition);
}

/**
 * Phrases are found through the rule set's phrase index (one pass over the
 * item's words for all rules); patterns run as regular expressions. A match
 * with a negation just before it counts as negated, and the clause it sits in
 * sets its weight.
 */
export const text: Operator<TextCondition> = {
  id: 'text',
  description:
    'the words of the item match these phrases or patterns, read clause by clause and aware of negation',
  options: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      any: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      patterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      fields: { type: 'array', minItems: 1, items: { enum: ['title', 'summary', 'source'] } },
      negatable: { type: 'boolean' },
    },
  },
  compile(condition, scope) {
    const fields = condition.fields ?? DEFAULT_FIELDS;
    const negatable = condition.negatable !== false;
    const id = scope.phraseId(condition);
    const regexes = patternsFor(condition);
    return (context) => {
      const prepared = context.text(fields);
      // Most conditions find nothing in most items: nothing is made for them.
      let found: Found | undefined;
      if (id !== undefined) {
        const hits = context.hits(id);
        for (let h = 0; h < hits.length; h += 2) {
          const token = hits[h] as number;
          const length = hits[h + 1] as number;
          found ??= new Found(prepared, negatable, scope.shortfall);
          found.add(token, found.phrase(token, length), token + length - 1);
        }
      }
      for (const regex of regexes) {
        regex.lastIndex = 0;
        for (let m = regex.exec(prepared.text); m; m = regex.exec(prepared.text)) {
          if (m[0] === '') {
            regex.lastIndex++;
            continue;
          }
          found ??= new Found(prepared, negatable, scope.shortfall);
          const first = Math.min(tokenAt(prepared, m.index), prepared.words.length - 1);
          const last = Math.max(first, tokenAt(prepared, m.index + m[0].length) - 1);
          found.add(first, wholeTokens(prepared.text, m.index, m.index + m[0].length), last);
        }
      }
      return found ? found.outcome() : NONE;
    };
  },
};

/**
 * How far a match is widened each way, at most: enough for any email address
 * or number, and a bound, so a pattern matching many times inside one long
 * run of text without spaces does not scan the whole run for every match.
 */
const MAX_WIDENING = 100;

/**
 * A pattern's match widened to whole space-separated tokens, lower-cased: a
 * pattern may stop inside an email address or a number, and a cut-off one is
 * no longer recognised, so `--redact` could not mask what a finding quotes.
 */
function wholeTokens(text: string, from: number, to: number): string {
  let start = from;
  let end = to;
  const first = Math.max(0, from - MAX_WIDENING);
  const last = Math.min(text.length, to + MAX_WIDENING);
  while (start > first && !/\s/.test(text[start - 1] as string)) start--;
  while (end < last && !/\s/.test(text[end] as string)) end++;
  // Closing punctuation is the sentence's, not the quoted words'.
  while (end > to && /[,.;:!?)\]"'”’]/.test(text[end - 1] as string)) end--;
  return text.slice(start, end).toLowerCase();
}

/** The words a text condition found in one item, negated or not. */
class Found {
  private weight = 0;
  private readonly words: string[] = [];
  private negated: string[] | undefined;
  /** Sentence bits of the matched words, and of the negated ones. */
  private sentences = 0;
  private negatedSentences = 0;

  constructor(
    private readonly prepared: PreparedText,
    private readonly negatable: boolean,
    private readonly shortfall: boolean,
  ) {}

  /** The text of a phrase occurrence, lower-cased. */
  phrase(token: number, length: number): string {
    const { text, starts, words, aligned } = this.prepared;
    const last = words[token + length - 1] as Word;
    // A one-word phrase is the word itself, unless İ (which lower-cases to two
    // characters) has moved the offsets: then cut the text as before.
    if (length === 1 && aligned) return last.text;
    const to = (starts[token + length - 1] as number) + last.text.length;
    return text.slice(starts[token], to).toLowerCase();
  }

  /**
   * One occurrence, from word `token` to word `last`. A negated one, or one
   * whose clause says it has since gone ("the backlog was cleared"), counts
   * against the rule; one that is only planned or hoped for ("plans to offer
   * advocacy", "aims to have no waiting list") counts neither way. A phrase that carries its own negation
   * ("not yet embedded") is turned round only by a negation of the whole
   * clause ("no one was left without a plan").
   */
  add(token: number, found: string, last: number): void {
    const prepared = this.prepared;
    if (isIrrealis(prepared, token)) return;
    if (
      isNegated(prepared, token, !this.negatable, this.shortfall) ||
      (this.negatable && isResolvedAfter(prepared, last))
    ) {
      this.negated ??= [];
      if (!this.negated.includes(found)) this.negated.push(found);
      this.negatedSentences |= sentenceBit(prepared, token);
      return;
    }
    this.sentences |= sentenceBit(prepared, token);
    this.weight = Math.max(this.weight, clauseWeight(this.prepared, token));
    if (!this.words.includes(found)) this.words.push(found);
  }

  outcome(): Outcome {
    if (this.words.length > 0)
      return { state: 'match', weight: this.weight, words: this.words, sentences: this.sentences };
    if (this.negated !== undefined)
      return {
        state: 'negated',
        weight: 1,
        words: this.negated.map((w) => `not ${w}`),
        sentences: this.negatedSentences,
      };
    return NONE;
  }
}
