import type { ComparisonCondition } from '../../model/index.js';
import { readComparisons } from '../figures.js';
import { DEFAULT_FIELDS } from './text.js';
import type { Operator } from './types.js';
import { NONE } from './types.js';

/**
 * The item compares a measure with a benchmark or with an earlier figure, and
 * the comparison says it is better, worse or about the same, knowing whether
 * more of the measure is good ("waits above the England average" is worse).
 */
export const comparison: Operator<ComparisonCondition> = {
  id: 'comparison',
  description:
    'the words compare a figure with a benchmark or an earlier figure, and it comes out better, worse or similar',
  options: {
    type: 'object',
    additionalProperties: false,
    required: ['says'],
    properties: { says: { enum: ['better', 'worse', 'similar'] } },
  },
  compile: (condition) => (context) => {
    const prepared = context.text(DEFAULT_FIELDS);
    const found = readComparisons(prepared).filter((c) => c.direction === condition.says);
    if (found.length === 0) return NONE;
    const weight = found.reduce(
      (most, c) => Math.max(most, prepared.clauses[c.clause]?.weight ?? 1),
      -Infinity,
    );
    let sentences = 0;
    for (const c of found)
      sentences |= 1 << Math.min(prepared.clauses[c.clause]?.sentence ?? 0, 30);
    return { state: 'match', weight, words: [...new Set(found.map((c) => c.words))], sentences };
  },
};
