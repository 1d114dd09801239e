import type { Operator } from './types.js';
import { when } from './types.js';

export const tags: Operator<{ any?: string[]; all?: string[] }> = {
  id: 'tags',
  description: 'the item carries any / all of these tags (case ignored)',
  options: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      any: { type: 'array', minItems: 1, items: { type: 'string' } },
      all: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  compile(options) {
    const anyOf = options.any?.map((tag) => tag.toLowerCase());
    const allOf = options.all?.map((tag) => tag.toLowerCase());
    return ({ item }) => {
      const have = new Set(item.tags.map((tag) => tag.toLowerCase()));
      const anyOk = !anyOf || anyOf.some((tag) => have.has(tag));
      const allOk = !allOf || allOf.every((tag) => have.has(tag));
      return when(anyOk && allOk);
    };
  },
};
