/** Score thresholds (`--fail-under`), as the formatters and the CLI share them. */
import type { Score, StatementResult } from '../model/index.js';
import type { FormatOptions } from './types.js';

export interface ScoreThresholds {
  /** Every statement with a score must reach this. */
  all?: Score;
  /** Per statement id; a statement named here must have a score and reach it. */
  statements: Record<string, Score>;
}

/** Format options with the thresholds, for the formats that show passes and failures (junit). */
export interface ThresholdFormatOptions extends FormatOptions {
  thresholds?: ScoreThresholds;
}

/** Without --fail-under, JUnit marks a statement failed below a good standard. */
export const DEFAULT_THRESHOLDS: ScoreThresholds = { all: 3, statements: {} };

export function thresholdFor(
  thresholds: ScoreThresholds,
  id: string,
): { min: Score; named: boolean } | undefined {
  const named = thresholds.statements[id];
  if (named !== undefined) return { min: named, named: true };
  return thresholds.all === undefined ? undefined : { min: thresholds.all, named: false };
}

/** Why a statement fails its threshold, or undefined when it passes or has none. */
export function belowThreshold(
  statement: StatementResult,
  thresholds: ScoreThresholds,
): string | undefined {
  const threshold = thresholdFor(thresholds, statement.id);
  if (!threshold) return undefined;
  if (statement.score === null) {
    return threshold.named
      ? `${statement.id} is not assessed (no current evidence); it must score at least ${threshold.min}`
      : undefined;
  }
  return statement.score < threshold.min
    ? `${statement.id} scores ${statement.score}, below ${threshold.min}`
    : undefined;
}
