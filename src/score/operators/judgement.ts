import type { Judgement } from '../../model/index.js';
import { JUDGEMENTS } from '../../model/index.js';
import type { Operator } from './types.js';
import { when } from './types.js';

export const judgement: Operator<Judgement[]> = {
  id: 'judgement',
  description: "the author's explicit judgement is one of these",
  options: {
    type: 'array',
    minItems: 1,
    items: { enum: [...JUDGEMENTS] },
  },
  compile:
    (judgements) =>
    ({ item }) =>
      when(item.judgement !== undefined && judgements.includes(item.judgement)),
};
