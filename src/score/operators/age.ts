import type { AgeCondition } from '../../model/index.js';
import type { Operator } from './types.js';
import { when } from './types.js';
import { compare } from './compare.js';

export const age: Operator<AgeCondition> = {
  id: 'age',
  description: 'the evidence is this many whole months old, compared as given',
  options: {
    type: 'object',
    additionalProperties: false,
    required: ['op', 'months'],
    properties: { op: { enum: ['>', '>=', '<', '<='] }, months: { type: 'number', minimum: 0 } },
  },
  compile:
    (condition) =>
    ({ item }) =>
      when(item.ageMonths !== undefined && compare(item.ageMonths, condition.op, condition.months)),
};
