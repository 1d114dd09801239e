import type {
  Config,
  GroupResult,
  Overall,
  Rating,
  Score,
  StatementResult,
} from '../model/index.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import {
  applyRatingPrinciples,
  halfOfBand,
  isOnEdge,
  percentage,
  ratingForPercent,
  RATING_LABELS,
  roundPercent,
} from './arithmetic.js';

function groupResult(
  catalogue: Catalogue,
  statements: readonly StatementResult[],
  config: Config,
): GroupResult[] {
  return catalogue.groups.map((group) => {
    const scores = statements
      .filter((s) => s.group === group.id && s.score !== null)
      .map((s) => s.score as number);
    const total = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) : null;
    const exact = total === null ? null : percentage(total, scores.length * 4);
    const percent = exact === null ? null : roundPercent(exact, config.rounding);
    return {
      id: group.id,
      title: group.title,
      statements: [...group.statements],
      scored: scores.length,
      total,
      percentExact: exact,
      percent,
      rating: percent === null ? null : ratingForPercent(percent),
      onEdge: exact === null ? false : isOnEdge(exact),
    };
  });
}

/**
 * Local authorities: all statements weigh the same; the overall percentage is
 * the total over the maximum, rounded by policy (up by default, which is what
 * every published council percentage we checked shows), then banded.
 */
function localAuthorityOverall(
  statements: readonly StatementResult[],
  config: Config,
): Omit<Overall, 'range'> {
  const scored = statements.filter((s) => s.score !== null);
  const of = statements.length;
  if (scored.length === 0) {
    return {
      rating: null,
      judgementNeeded: false,
      percent: null,
      percentExact: null,
      band: null,
      scored: 0,
      of,
      basis: 'no statement has current evidence',
      onEdge: false,
    };
  }
  const total = scored.reduce((sum, s) => sum + (s.score as number), 0);
  const exact = percentage(total, scored.length * 4);
  const percent = roundPercent(exact, config.rounding);
  const rating = ratingForPercent(percent);
  const partial =
    scored.length < of
      ? `; only ${scored.length} of ${of} statements have evidence, so this is provisional`
      : '';
  return {
    rating,
    judgementNeeded: false,
    percent,
    percentExact: exact,
    band: halfOfBand(percent),
    scored: scored.length,
    of,
    basis: `${total} of ${scored.length * 4} points (${percent}%, rounded ${config.rounding}) is in the ${RATING_LABELS[rating].toLowerCase()} band${partial}${isOnEdge(exact) ? '; it falls between two bands, so the rounding policy decided' : ''}`,
    onEdge: isOnEdge(exact),
  };
}

function providerOverall(
  groups: readonly GroupResult[],
  statements: readonly StatementResult[],
): Omit<Overall, 'range'> {
  const scored = statements.filter((s) => s.score !== null).length;
  const base = {
    percent: null,
    percentExact: null,
    band: null,
    scored,
    of: statements.length,
    onEdge: false,
  };
  const unrated = groups.filter((g) => g.rating === null);
  if (unrated.length > 0) {
    return {
      ...base,
      rating: null,
      judgementNeeded: false,
      basis: `no overall rating: ${unrated.map((g) => g.title).join(', ')} ${unrated.length === 1 ? 'has' : 'have'} no scored statement`,
    };
  }
  const decision = applyRatingPrinciples(groups.map((g) => g.rating as Rating));
  return {
    ...base,
    rating: decision.rating,
    judgementNeeded: decision.judgementNeeded,
    basis: decision.basis,
  };
}

function overallOf(
  catalogue: Catalogue,
  statements: readonly StatementResult[],
  config: Config,
): { groups: GroupResult[]; overall: Omit<Overall, 'range'> } {
  const groups = groupResult(catalogue, statements, config);
  const overall =
    catalogue.id === 'local-authority'
      ? localAuthorityOverall(statements, config)
      : providerOverall(groups, statements);
  return { groups, overall };
}

/**
 * The overall rating if every statement not assessed scored `fill`. Where the
 * rating principles leave it to judgement (one inadequate key question), the
 * lowest it could be is inadequate and the highest requires improvement.
 */
function ratingIfFilled(
  catalogue: Catalogue,
  statements: readonly StatementResult[],
  config: Config,
  fill: Score,
): Rating {
  const filled = statements.map((s) => (s.score === null ? { ...s, score: fill } : s));
  const { overall } = overallOf(catalogue, filled, config);
  return overall.rating ?? (fill === 1 ? 'inadequate' : 'requires-improvement');
}

export function rollUp(
  catalogue: Catalogue,
  statements: readonly StatementResult[],
  config: Config,
): { groups: GroupResult[]; overall: Overall } {
  const { groups, overall } = overallOf(catalogue, statements, config);
  const range = statements.every((s) => s.score !== null)
    ? null
    : {
        lowest: ratingIfFilled(catalogue, statements, config, 1),
        highest: ratingIfFilled(catalogue, statements, config, 4),
      };
  return { groups, overall: { ...overall, range } };
}
