import type { Condition } from '../../model/index.js';
import type { Evaluator, Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/** At least one child holds. Weight: the strongest matching child's. */
export const any: Operator<Condition[]> = {
  id: 'any',
  description: 'at least one listed condition holds',
  options: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
  compile(conditions, scope) {
    const children = conditions.map((condition) => scope.child(condition));
    return (context) => {
      let best: Outcome | undefined;
      let negated: Outcome | undefined;
      for (let c = 0; c < children.length; c++) {
        const outcome = (children[c] as Evaluator)(context);
        if (outcome.state === 'match' && (!best || outcome.weight > best.weight)) best = outcome;
        if (outcome.state === 'negated') negated ??= outcome;
      }
      return best ?? negated ?? NONE;
    };
  },
};
