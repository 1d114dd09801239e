import type { Status } from '../../model/index.js';
import { STATUSES } from '../../model/index.js';
import type { Operator } from './types.js';
import { when } from './types.js';

export const status: Operator<Status[]> = {
  id: 'status',
  description: "the item's status is one of these",
  options: { type: 'array', minItems: 1, items: { enum: [...STATUSES] } },
  compile:
    (statuses) =>
    ({ item }) =>
      when(item.status !== undefined && statuses.includes(item.status)),
};
