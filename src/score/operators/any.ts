import type { Condition } from '../../model/index.js';
import type { Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/** At least one child holds. Weight: the strongest matching child's. */
export const any: Operator<Condition[]> = {
  id: 'any',
  description: 'at least one listed condition holds',
  evaluate(children, context) {
    let best: Outcome | undefined;
    let negated: Outcome | undefined;
    for (const child of children) {
      const outcome = context.evaluate(child);
      if (outcome.state === 'match' && (!best || outcome.weight > best.weight)) best = outcome;
      if (outcome.state === 'negated') negated ??= outcome;
    }
    return best ?? negated ?? NONE;
  },
};
