import type { Condition } from '../../model/index.js';
import type { Evaluator, Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/**
 * At least one child holds. Weight: the strongest matching child's; its
 * sentences are those of every matching child (any of them may pair with a
 * sibling of an enclosing `all`).
 */
export const any: Operator<Condition[]> = {
  id: 'any',
  description: 'at least one listed condition holds',
  options: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
  compile(conditions, scope) {
    const children = conditions.map((condition) => scope.child(condition));
    return (context) => {
      let best: Outcome | undefined;
      let negated: Outcome | undefined;
      /** The matching children's sentences; null once one of them is not text (any sentence). */
      let sentences: number | null = 0;
      for (let c = 0; c < children.length; c++) {
        const outcome = (children[c] as Evaluator)(context);
        if (outcome.state === 'match') {
          if (!best || outcome.weight > best.weight) best = outcome;
          sentences =
            outcome.sentences === undefined || sentences === null
              ? null
              : sentences | outcome.sentences;
        }
        if (outcome.state === 'negated') negated ??= outcome;
      }
      if (!best) return negated ?? NONE;
      if (sentences === null) {
        const { sentences: _own, ...unconstrained } = best;
        return unconstrained;
      }
      return { ...best, sentences };
    };
  },
};
