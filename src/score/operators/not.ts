import type { Condition } from '../../model/index.js';
import type { Operator } from './types.js';
import { MATCH, NONE } from './types.js';

/** The child does not hold (a negated child counts as not holding). */
export const not: Operator<Condition> = {
  id: 'not',
  description: 'the condition does not hold',
  evaluate(child, context) {
    return context.evaluate(child).state === 'match' ? NONE : MATCH;
  },
};
