import type { Condition } from '../../model/index.js';
import type { CompileScope, Evaluator, Operator } from './types.js';
import { age } from './age.js';
import { all } from './all.js';
import { any } from './any.js';
import { category } from './category.js';
import { comparison } from './comparison.js';
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
  comparison,
} as const;

export type OperatorId = keyof typeof OPERATORS;

/** Compiles a condition tree into one function of the item. */
export function compileCondition(condition: Condition, scope: CompileScope): Evaluator {
  // A condition node has exactly one key (the schema makes sure).
  for (const key in condition) {
    const operator = OPERATORS[key as OperatorId] as Operator<unknown> | undefined;
    if (!operator) throw new Error(`unknown rule operator "${key}"`);
    return operator.compile((condition as Record<string, unknown>)[key], scope);
  }
  throw new Error('empty rule condition');
}

/** The condition language's schema: one property per operator, from the options each declares. */
export function conditionSchema(): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(OPERATORS).map((operator: Operator<unknown>) => [
      operator.id,
      { description: operator.description, ...operator.options },
    ]),
  );
}
