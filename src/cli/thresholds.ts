/** Failure thresholds: diagnostic severity (`--fail-on`), statement scores (`--fail-under`) and the roll-up rating (`--fail-under-rating`). */
import { FatalError } from '../base/errors.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type { Rating, Score, ScoreResult, Severity } from '../model/index.js';
import { SEVERITY_RANK } from '../model/index.js';
import { belowThreshold } from '../report/threshold.js';
import type { ScoreThresholds } from '../report/threshold.js';
import { RATING_LABELS } from '../score/arithmetic.js';

export function failsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

const RATING_RANK: Record<Rating, number> = {
  inadequate: 1,
  'requires-improvement': 2,
  good: 3,
  outstanding: 4,
};

function score(text: string, flag: string): Score {
  if (!/^[1-4]$/.test(text.trim()))
    throw new FatalError(`${flag} needs a score from 1 to 4, not "${text}"`);
  return Number(text) as Score;
}

/**
 * Parses every `--fail-under` value: `3` (every scored statement) or
 * `assessing-needs=3,safeguarding=3` (named statements), or both. Later values win.
 * Names are kept as written; `resolveThresholds` checks them against the framework.
 */
export function parseFailUnder(values: readonly string[]): ScoreThresholds {
  const thresholds: ScoreThresholds = { statements: {} };
  for (const value of values) {
    for (const part of value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const eq = part.lastIndexOf('=');
      if (eq < 0) thresholds.all = score(part, '--fail-under');
      else {
        const name = part.slice(0, eq).trim();
        if (name === '')
          throw new FatalError(`--fail-under "${part}" names no statement; write STATEMENT=SCORE`);
        thresholds.statements[name] = score(part.slice(eq + 1), `--fail-under ${name}`);
      }
    }
  }
  return thresholds;
}

/** Resolves statement names (ids, titles or aliases) to ids of the result's framework; an unknown name is a usage error. */
export function resolveThresholds(
  thresholds: ScoreThresholds,
  result: ScoreResult,
): ScoreThresholds {
  const catalogue = loadFramework(result.framework);
  const statements: Record<string, Score> = {};
  for (const [name, min] of Object.entries(thresholds.statements)) {
    const def = catalogue.resolve(name);
    if (!def) {
      const hint = catalogue.suggest(name);
      throw new FatalError(
        `--fail-under: no statement "${name}" in the ${result.framework} framework${hint ? `; did you mean "${hint}"?` : ''}`,
      );
    }
    statements[def.id] = min;
  }
  return { ...(thresholds.all !== undefined ? { all: thresholds.all } : {}), statements };
}

export function parseRating(value: string): Rating {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key in RATING_RANK) return key as Rating;
  throw new FatalError(
    `--fail-under-rating needs one of ${Object.keys(RATING_RANK).join(', ')}, not "${value}"`,
  );
}

/**
 * Why the result fails its thresholds, one reason per line; empty when it passes.
 * With a single score, statements not assessed pass (most repositories start
 * with a few statements); a statement named on its own must be assessed.
 */
export function thresholdFailures(
  result: ScoreResult,
  thresholds: ScoreThresholds | undefined,
  rating: Rating | undefined,
): string[] {
  const reasons: string[] = [];
  if (thresholds) {
    for (const s of result.statements) {
      const why = belowThreshold(s, thresholds);
      if (why) reasons.push(why);
    }
  }
  if (rating) {
    const actual = result.overall.rating;
    if (actual === null)
      reasons.push(
        `the overall rating is not decided (${result.overall.basis}), so it cannot be shown to reach ${RATING_LABELS[rating]}`,
      );
    else if (RATING_RANK[actual] < RATING_RANK[rating])
      reasons.push(`the overall rating ${RATING_LABELS[actual]} is below ${RATING_LABELS[rating]}`);
  }
  return reasons;
}
