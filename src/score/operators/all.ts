import type { Condition } from '../../model/index.js';
import type { Evaluator, Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/** Every child holds; a negated child makes the whole negated. Weight: the weakest child's. */
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
      for (let c = 0; c < children.length; c++) {
        const outcome = (children[c] as Evaluator)(context);
        if (outcome.state === 'none') return NONE;
        if (outcome.state === 'negated') negated ??= outcome;
        weight = Math.min(weight, outcome.weight);
        if (outcome.words.length > 0) (words ??= []).push(...outcome.words);
      }
      if (negated) return { state: 'negated', weight: 1, words: negated.words };
      return { state: 'match', weight: weight === Infinity ? 1 : weight, words: words ?? [] };
    };
  },
};
