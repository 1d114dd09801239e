/**
 * The failure gate, shared by the exit status, JUnit and SARIF so that the
 * three always agree: a run fails (exit 1) exactly when JUnit has a failure
 * and SARIF has a result at level `error`. The gate is --fail-on (diagnostic
 * severity), --fail-under (statement scores), --fail-under-rating and
 * --max-warnings; nothing else fails a run.
 */
import type { Rating, Score, ScoreResult, Severity, StatementResult } from '../model/index.js';
import { SEVERITY_RANK } from '../model/index.js';
import { RATING_LABELS } from '../score/arithmetic.js';
import type { FormatOptions } from './types.js';

export interface ScoreThresholds {
  /** Every statement with a score must reach this. */
  all?: Score;
  /** Per statement id; a statement named here must have a score and reach it. */
  statements: Record<string, Score>;
}

export interface Gate {
  /** Diagnostics at or above this severity fail the run. */
  failOn: Severity;
  thresholds?: ScoreThresholds;
  rating?: Rating;
  /** More warnings than this fail the run. */
  maxWarnings?: number;
}

/** Without flags, only errors fail a run. */
export const DEFAULT_GATE: Gate = { failOn: 'error' };

/** Format options with the gate, for the formats that show passes and failures (junit, sarif). */
export interface ThresholdFormatOptions extends FormatOptions {
  gate?: Gate;
}

export function failsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export const RATING_RANK: Record<Rating, number> = {
  inadequate: 1,
  'requires-improvement': 2,
  good: 3,
  outstanding: 4,
};

export type GateFailure =
  | { kind: 'diagnostics'; count: number; reason: string }
  | { kind: 'score'; statement: string; reason: string }
  | { kind: 'rating'; reason: string }
  | { kind: 'warnings'; reason: string };

/** Why the result fails the gate, one entry per reason; empty when it passes. */
export function gateFailures(result: ScoreResult, gate: Gate): GateFailure[] {
  const failures: GateFailure[] = [];
  const failing = result.diagnostics.filter((d) => failsThreshold(d.severity, gate.failOn)).length;
  if (failing > 0)
    failures.push({
      kind: 'diagnostics',
      count: failing,
      reason: `${failing} diagnostic${failing === 1 ? ' is' : 's are'} at or above --fail-on ${gate.failOn}`,
    });
  if (gate.thresholds) {
    for (const s of result.statements) {
      const why = belowThreshold(s, gate.thresholds);
      if (why) failures.push({ kind: 'score', statement: s.id, reason: why });
    }
  }
  if (gate.rating) {
    const actual = result.overall.rating;
    if (actual === null)
      failures.push({
        kind: 'rating',
        reason: `the overall rating is not decided (${result.overall.basis}), so it cannot be shown to reach ${RATING_LABELS[gate.rating]}`,
      });
    else if (RATING_RANK[actual] < RATING_RANK[gate.rating])
      failures.push({
        kind: 'rating',
        reason: `the overall rating ${RATING_LABELS[actual]} is below ${RATING_LABELS[gate.rating]}`,
      });
  }
  if (gate.maxWarnings !== undefined && result.summary.warnings > gate.maxWarnings)
    failures.push({
      kind: 'warnings',
      reason: `${result.summary.warnings} warnings, more than --max-warnings ${gate.maxWarnings}`,
    });
  return failures;
}

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
