import type { Condition, EvidenceItem, TextCondition } from '../../model/index.js';
import type { PreparedText } from '../text.js';

export interface PhraseHit {
  token: number;
  length: number;
}

/** What a condition says about one item. */
export interface Outcome {
  /** `negated`: the words are there but negated ("not well received"). */
  state: 'match' | 'negated' | 'none';
  /** Clause weight of the deciding words (1 when no text was read). */
  weight: number;
  /** The words that matched, for findings and `explain`. */
  words: string[];
}

export interface EvalContext {
  item: EvidenceItem;
  /** The item's text for these fields, split into clauses (cached per item). */
  text(fields: readonly ('title' | 'summary' | 'source')[]): PreparedText;
  /** Where the condition's phrases occur in the item's words (first word index and word count). */
  phrases(condition: TextCondition): readonly PhraseHit[];
  /** Evaluates a nested condition. */
  evaluate(condition: Condition): Outcome;
}

/** One rule operator: a key of the condition language and a pure function. */
export interface Operator<Options> {
  id: string;
  description: string;
  evaluate(options: Options, context: EvalContext): Outcome;
}

export const NONE: Outcome = { state: 'none', weight: 0, words: [] };
export const MATCH: Outcome = { state: 'match', weight: 1, words: [] };

export function when(test: boolean): Outcome {
  return test ? MATCH : NONE;
}
