import type { Condition, EvidenceItem, TextCondition } from '../../model/index.js';
import type { PreparedText } from '../text.js';

/**
 * Where a condition's phrases occur in an item's words: pairs of numbers, the
 * first word's index then the word count, so finding them makes no objects.
 */
export type PhraseHits = readonly number[];

/** What a condition says about one item. */
export interface Outcome {
  /** `negated`: the words are there but negated ("not well received"). */
  state: 'match' | 'negated' | 'none';
  /** Clause weight of the deciding words (1 when no text was read). */
  weight: number;
  /** The words that matched, for findings and `explain`. */
  words: string[];
  /**
   * For text: the sentences the words were found in, one bit each
   * (`sentenceBit`), so that `all` can ask its words to share a sentence.
   * Absent when the outcome does not come from text.
   */
  sentences?: number;
}

export interface EvalContext {
  item: EvidenceItem;
  /** The item's text for these fields, split into clauses (cached per item). */
  text(fields: readonly ('title' | 'summary' | 'source')[]): PreparedText;
  /** Where the phrases of the text condition `CompileScope.phraseId` numbered occur (first word index and word count). */
  hits(id: number): PhraseHits;
}

/** A compiled condition: what it says about one item. */
export type Evaluator = (context: EvalContext) => Outcome;

/** What an operator may ask for while its condition is compiled. */
export interface CompileScope {
  /** Compiles a nested condition. */
  child(condition: Condition): Evaluator;
  /** The number under which the rule set's phrase index finds this condition's phrases, if it has any. */
  phraseId(condition: TextCondition): number | undefined;
  /**
   * Whether the rule reads for a shortfall: words that keep something away
   * ("prevents falls", "supports families struggling with debt") turn round
   * only what a shortfall rule looks for.
   */
  shortfall: boolean;
}

/**
 * One rule operator: a key of the condition language, compiled once per rule
 * set into a pure function of the item.
 */
export interface Operator<Options> {
  id: string;
  description: string;
  /**
   * The JSON Schema of the options this operator takes, declared beside its
   * code; schemas/rubric.schema.json is written from these
   * (`npm run rubric-schema`). `#/definitions/condition` is a nested condition.
   */
  options: Readonly<Record<string, unknown>>;
  compile(options: Options, scope: CompileScope): Evaluator;
}

export const NONE: Outcome = { state: 'none', weight: 0, words: [] };
export const MATCH: Outcome = { state: 'match', weight: 1, words: [] };

export function when(test: boolean): Outcome {
  return test ? MATCH : NONE;
}
