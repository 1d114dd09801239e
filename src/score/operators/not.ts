import type { Condition } from '../../model/index.js';
import type { Operator } from './types.js';
import { MATCH, NONE } from './types.js';

/** The child does not hold (a negated child counts as not holding). */
export const not: Operator<Condition> = {
  id: 'not',
  description: 'the condition does not hold',
  options: { $ref: '#/definitions/condition' },
  compile(condition, scope) {
    const child = scope.child(condition);
    return (context) => (child(context).state === 'match' ? NONE : MATCH);
  },
};
