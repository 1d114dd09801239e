import type { Category } from '../../model/index.js';
import { CATEGORIES } from '../../model/index.js';
import type { Operator } from './types.js';
import { when } from './types.js';

export const category: Operator<Category[]> = {
  id: 'category',
  description: "the item's evidence category is one of these",
  options: {
    type: 'array',
    minItems: 1,
    items: { enum: [...CATEGORIES] },
  },
  compile:
    (categories) =>
    ({ item }) =>
      when(categories.includes(item.category)),
};
