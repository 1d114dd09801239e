import type { Operator } from './types.js';
import { when } from './types.js';

export const tags: Operator<{ any?: string[]; all?: string[] }> = {
  id: 'tags',
  description: 'the item carries any / all of these tags (case ignored)',
  evaluate(options, { item }) {
    const have = new Set(item.tags.map((tag) => tag.toLowerCase()));
    const anyOk = !options.any || options.any.some((tag) => have.has(tag.toLowerCase()));
    const allOk = !options.all || options.all.every((tag) => have.has(tag.toLowerCase()));
    return when(anyOk && allOk);
  },
};
