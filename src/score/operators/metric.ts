import type { MetricCondition } from '../../model/index.js';
import type { Operator } from './types.js';
import { NONE } from './types.js';
import { compare } from './compare.js';

export const metric: Operator<MetricCondition> = {
  id: 'metric',
  description:
    'the item has this metric and it compares as given (e.g. ombudsman-upheld-percent > 40)',
  options: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'op', 'value'],
    properties: {
      name: { type: 'string', minLength: 1 },
      op: { enum: ['>', '>=', '<', '<=', '==', '!='] },
      value: { type: 'number' },
    },
  },
  compile: (condition) => (context) => {
    const value = context.item.metrics[condition.name];
    if (typeof value !== 'number' || !compare(value, condition.op, condition.value)) return NONE;
    return { state: 'match', weight: 1, words: [`${condition.name}: ${value}`] };
  },
};
