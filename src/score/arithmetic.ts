/**
 * CQC's published arithmetic: score labels, percentage bands, rounding, and the
 * rating principles that combine key questions into an overall provider rating.
 */
import type { Band, Rating, RoundingPolicy, Score } from '../model/index.js';

export const SCORE_LABELS: Record<Score, string> = {
  1: 'Evidence shows significant shortfalls',
  2: 'Evidence shows some shortfalls',
  3: 'Evidence shows a good standard',
  4: 'Evidence shows an exceptional standard',
};

export const RATING_LABELS: Record<Rating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

/** The whole-per-cent bands shared by statement scores, key questions and local authority ratings. */
export const BANDS: readonly { score: Score; rating: Rating; from: number; to: number }[] = [
  { score: 1, rating: 'inadequate', from: 25, to: 38 },
  { score: 2, rating: 'requires-improvement', from: 39, to: 62 },
  { score: 3, rating: 'good', from: 63, to: 87 },
  { score: 4, rating: 'outstanding', from: 88, to: 100 },
];

/** total ÷ max as a percentage, trimmed of floating-point noise. */
export function percentage(total: number, max: number): number {
  return Math.round((total / max) * 100 * 1e6) / 1e6;
}

/** A whole per cent under the rounding policy: `up` is what CQC's published local authority percentages show. */
export function roundPercent(exact: number, policy: RoundingPolicy): number {
  switch (policy) {
    case 'up':
      return Math.ceil(exact);
    case 'down':
      return Math.floor(exact);
    case 'nearest':
      return Math.floor(exact + 0.5);
  }
}

function bandFor(percent: number): (typeof BANDS)[number] {
  for (let i = BANDS.length - 1; i >= 0; i--) {
    const band = BANDS[i] as (typeof BANDS)[number];
    if (percent >= band.from) return band;
  }
  return BANDS[0] as (typeof BANDS)[number];
}

export function scoreForPercent(percent: number): Score {
  return bandFor(percent).score;
}

export function ratingForPercent(percent: number): Rating {
  return bandFor(percent).rating;
}

/** True when the exact percentage lies between two bands, so the rounding policy decided. */
export function isOnEdge(exact: number): boolean {
  return !Number.isInteger(exact) && bandFor(Math.floor(exact)) !== bandFor(Math.ceil(exact));
}

/** Whether a whole percentage sits in the lower or upper half of its band. */
export function halfOfBand(percent: number): Band {
  const band = bandFor(percent);
  return percent <= (band.from + band.to) / 2 ? 'lower' : 'upper';
}

export function ratingForScore(score: Score): Rating {
  return (BANDS.find((band) => band.score === score) as (typeof BANDS)[number]).rating;
}

export interface OverallDecision {
  rating: Rating | null;
  judgementNeeded: boolean;
  basis: string;
}

/**
 * CQC's rating principles for combining five key question ratings. Where they
 * do not decide, the answer is "professional judgement needed", never a guess.
 */
export function applyRatingPrinciples(ratings: readonly Rating[]): OverallDecision {
  const count = (rating: Rating): number => ratings.filter((r) => r === rating).length;
  const inadequate = count('inadequate');
  const ri = count('requires-improvement');
  const outstanding = count('outstanding');
  if (inadequate >= 2) {
    return {
      rating: 'inadequate',
      judgementNeeded: false,
      basis: 'two or more key questions are inadequate',
    };
  }
  if (inadequate === 1) {
    return {
      rating: null,
      judgementNeeded: true,
      basis:
        'one key question is inadequate: the rating principles leave the overall rating to professional judgement',
    };
  }
  if (ri >= 2) {
    return {
      rating: 'requires-improvement',
      judgementNeeded: false,
      basis: 'two or more key questions require improvement',
    };
  }
  if (outstanding >= 2 && ri === 0) {
    return {
      rating: 'outstanding',
      judgementNeeded: false,
      basis: 'at least two key questions are outstanding and the rest good',
    };
  }
  return {
    rating: 'good',
    judgementNeeded: false,
    basis:
      ri === 1
        ? 'no key question is inadequate and only one requires improvement'
        : 'no key question is inadequate or requires improvement',
  };
}
