/** Failure thresholds: diagnostic severity (`--fail-on`), statement scores (`--fail-under`) and the roll-up rating (`--fail-under-rating`). */
import { FatalError } from '../base/errors.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type { Rating, Score, ScoreResult } from '../model/index.js';
import { gateFailures, RATING_RANK } from '../report/threshold.js';
import type { ScoreThresholds } from '../report/threshold.js';

export { failsThreshold } from '../report/threshold.js';

function score(text: string, flag: string): Score {
  if (!/^[1-4]$/.test(text.trim()))
    throw new FatalError(`${flag} needs a score from 1 to 4, not "${text}"`);
  return Number(text) as Score;
}

/**
 * The comma-separated entries of one `--fail-under` value. A comma inside a
 * statement's title ("Learning, improvement and innovation=3") does not end
 * an entry: an entry ends at a comma once it holds its `=SCORE`, or is a bare score.
 */
function entries(value: string): string[] {
  const found: string[] = [];
  let pending = '';
  for (const piece of value.split(',')) {
    pending = pending === '' ? piece : `${pending},${piece}`;
    if (piece.includes('=') || /^\s*\d+\s*$/.test(pending)) {
      found.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim() !== '') found.push(pending.trim());
  return found.filter(Boolean);
}

/**
 * Parses every `--fail-under` value: `3` (every scored statement) or
 * `assessing-needs=3,safeguarding=3` (named statements), or both. Later values win.
 * Names are kept as written; `resolveThresholds` checks them against the framework.
 */
export function parseFailUnder(values: readonly string[]): ScoreThresholds {
  const thresholds: ScoreThresholds = { statements: {} };
  for (const value of values) {
    for (const part of entries(value)) {
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

/** Why the result fails its score and rating thresholds, one reason per line; empty when it passes. */
export function thresholdFailures(
  result: ScoreResult,
  thresholds: ScoreThresholds | undefined,
  rating: Rating | undefined,
): string[] {
  return gateFailures(result, {
    failOn: 'error',
    ...(thresholds ? { thresholds } : {}),
    ...(rating ? { rating } : {}),
  })
    .filter((f) => f.kind !== 'diagnostics')
    .map((f) => f.reason);
}
