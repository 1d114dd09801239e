import type { Condition } from '../../model/index.js';
import type { Evaluator, Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/**
 * Every child holds, and the words of the ones that read text share a
 * sentence: "reviews are late" in one sentence and "carers were praised" in
 * another are not "late reviews were praised". A negated child makes the
 * whole negated. Weight: the weakest child's.
 */
export const all: Operator<Condition[]> = {
  id: 'all',
  description: 'every listed condition holds',
  options: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
  compile(conditions, scope) {
    const children = conditions.map((condition) => scope.child(condition));
    return (context) => {
      let negated: Outcome | undefined;
      let weight = Infinity;
      let words: string[] | undefined;
      let sentences: number | undefined;
      for (let c = 0; c < children.length; c++) {
        const outcome = (children[c] as Evaluator)(context);
        if (outcome.state === 'none') return NONE;
        if (outcome.state === 'negated') negated ??= outcome;
        weight = Math.min(weight, outcome.weight);
        if (outcome.words.length > 0) (words ??= []).push(...outcome.words);
        if (outcome.sentences !== undefined) {
          sentences = sentences === undefined ? outcome.sentences : sentences & outcome.sentences;
          if (sentences === 0) return NONE;
        }
      }
      const shared = sentences === undefined ? {} : { sentences };
      if (negated) return { state: 'negated', weight: 1, words: negated.words, ...shared };
      return {
        state: 'match',
        weight: weight === Infinity ? 1 : weight,
        words: words ?? [],
        ...shared,
      };
    };
  },
};
