import type { Condition } from '../../model/index.js';
import type { Operator, Outcome } from './types.js';
import { NONE } from './types.js';

/** Every child holds; a negated child makes the whole negated. Weight: the weakest child's. */
export const all: Operator<Condition[]> = {
  id: 'all',
  description: 'every listed condition holds',
  evaluate(children, context) {
    let negated: Outcome | undefined;
    let weight = Infinity;
    const words: string[] = [];
    for (const child of children) {
      const outcome = context.evaluate(child);
      if (outcome.state === 'none') return NONE;
      if (outcome.state === 'negated') negated ??= outcome;
      weight = Math.min(weight, outcome.weight);
      words.push(...outcome.words);
    }
    if (negated) return { state: 'negated', weight: 1, words: negated.words };
    return { state: 'match', weight: weight === Infinity ? 1 : weight, words };
  },
};
