import { describe, expect, it } from 'vitest';
import {
  applyRatingPrinciples,
  halfOfBand,
  isOnEdge,
  percentage,
  ratingForPercent,
  roundPercent,
  SCORE_LABELS,
  scoreForPercent,
} from '../../src/score/arithmetic.js';
import type { Rating } from '../../src/model/index.js';

describe('score labels', () => {
  it.each([
    [1, 'Evidence shows significant shortfalls'],
    [2, 'Evidence shows some shortfalls'],
    [3, 'Evidence shows a good standard'],
    [4, 'Evidence shows an exceptional standard'],
  ] as const)('%i is "%s"', (score, label) => expect(SCORE_LABELS[score]).toBe(label));
});

describe('bands', () => {
  it.each([
    [25, 1, 'inadequate'],
    [38, 1, 'inadequate'],
    [39, 2, 'requires-improvement'],
    [62, 2, 'requires-improvement'],
    [63, 3, 'good'],
    [87, 3, 'good'],
    [88, 4, 'outstanding'],
    [100, 4, 'outstanding'],
  ] as const)('%i%% is score %i and %s', (percent, score, rating) => {
    expect(scoreForPercent(percent)).toBe(score);
    expect(ratingForPercent(percent)).toBe(rating);
  });

  it.each([
    [39, 'lower'],
    [50, 'lower'],
    [51, 'upper'],
    [62, 'upper'],
    [63, 'lower'],
    [75, 'lower'],
    [76, 'upper'],
  ] as const)('%i%% sits in the %s half of its band', (percent, half) =>
    expect(halfOfBand(percent)).toBe(half),
  );
});

describe('category-percentage arithmetic (CQC before December 2024)', () => {
  it.each([
    // [category scores, exact %, whole % rounded up, score]
    [[3, 2, 3, 3], 68.75, 69, 3],
    [[3, 2, 2, 3], 62.5, 63, 3],
    [[2, 2, 2, 2], 50, 50, 2],
    [[4, 3, 4, 3], 87.5, 88, 4],
    [[1, 2, 1, 2], 37.5, 38, 1],
    [[4, 4, 4, 4], 100, 100, 4],
  ])('categories %j give %f%%', (scores, exact, whole, score) => {
    const total = scores.reduce((a, b) => a + b, 0);
    const pct = percentage(total, scores.length * 4);
    expect(pct).toBe(exact);
    expect(roundPercent(pct, 'up')).toBe(whole);
    expect(scoreForPercent(roundPercent(pct, 'up'))).toBe(score);
  });
});

describe('rounding policy at band edges', () => {
  it.each([
    [62.5, 'up', 63, 3],
    [62.5, 'nearest', 63, 3],
    [62.5, 'down', 62, 2],
    [87.5, 'up', 88, 4],
    [87.5, 'down', 87, 3],
    [38.5, 'nearest', 39, 2],
    [38.5, 'down', 38, 1],
  ] as const)('%f%% rounded %s is %i (score %i)', (exact, policy, whole, score) => {
    expect(roundPercent(exact, policy)).toBe(whole);
    expect(scoreForPercent(roundPercent(exact, policy))).toBe(score);
  });

  it.each([
    [62.5, true],
    [87.5, true],
    [38.2, true],
    [61.1, false],
    [63, false],
    [58.3, false],
  ])('%f%% on an edge: %s', (exact, edge) => expect(isOnEdge(exact)).toBe(edge));
});

describe('local authority overall percentage: total out of 36, rounded up', () => {
  it.each([
    ['Medway', [2, 3, 2, 2, 3, 3, 2, 2, 2], 59, 'requires-improvement'],
    ['Hertfordshire', [3, 3, 3, 3, 3, 3, 3, 3, 4], 78, 'good'],
    ['Camden', [4, 4, 3, 4, 3, 3, 4, 4, 3], 89, 'outstanding'],
    ['Middlesbrough', [2, 3, 2, 3, 2, 3, 3, 2, 2], 62, 'requires-improvement'],
    ['all good', [3, 3, 3, 3, 3, 3, 3, 3, 3], 75, 'good'],
  ] as const)('%s', (_name, scores, percent, rating) => {
    const total = scores.reduce((a, b) => a + b, 0);
    const whole = roundPercent(percentage(total, 36), 'up');
    expect(whole).toBe(percent);
    expect(ratingForPercent(whole)).toBe(rating);
  });
});

describe('provider rating principles', () => {
  const O = 'outstanding';
  const G = 'good';
  const R = 'requires-improvement';
  const I = 'inadequate';
  it.each([
    [[O, O, G, G, G], O, false],
    [[O, O, O, G, G], O, false],
    [[O, G, G, G, G], G, false],
    [[G, G, G, G, G], G, false],
    [[O, O, G, G, R], G, false],
    [[G, G, G, G, R], G, false],
    [[G, G, G, R, R], R, false],
    [[R, R, R, R, R], R, false],
    [[G, G, G, I, I], I, false],
    [[R, R, I, I, I], I, false],
    [[G, G, G, G, I], null, true],
    [[O, O, G, G, I], null, true],
  ] as [Rating[], Rating | null, boolean][])('%j gives %s', (ratings, rating, judgement) => {
    const decision = applyRatingPrinciples(ratings);
    expect(decision.rating).toBe(rating);
    expect(decision.judgementNeeded).toBe(judgement);
  });
});
