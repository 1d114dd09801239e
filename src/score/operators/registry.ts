import type { Condition } from '../../model/index.js';
import type { EvalContext, Operator, Outcome } from './types.js';
import { age } from './age.js';
import { all } from './all.js';
import { any } from './any.js';
import { category } from './category.js';
import { judgement } from './judgement.js';
import { metric } from './metric.js';
import { not } from './not.js';
import { status } from './status.js';
import { tags } from './tags.js';
import { text } from './text.js';

/** Every operator of the condition language, by its key. */
export const OPERATORS = {
  all,
  any,
  not,
  category,
  judgement,
  status,
  tags,
  metric,
  age,
  text,
} as const;

export type OperatorId = keyof typeof OPERATORS;

export function evaluateCondition(condition: Condition, context: EvalContext): Outcome {
  const [key, options] = Object.entries(condition)[0] as [OperatorId, unknown];
  const operator = OPERATORS[key] as Operator<unknown> | undefined;
  if (!operator) throw new Error(`unknown rule operator "${key}"`);
  return operator.evaluate(options, context);
}
