import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../src/calibrate/index.js';
import { fitWeights, leaveOneCouncilOut, scoreWith } from '../src/calibrate/index.js';
import type { Judgement } from '../src/model/index.js';

const S: Judgement = 'strength';
const F: Judgement = 'shortfall';

function row(name: string, expected: number, judgements: Judgement[]): CaseResult {
  return {
    form: 'labelled',
    name,
    statement: `s${expected}`,
    expected,
    predicted: null,
    judgements,
  };
}

describe('scoreWith', () => {
  it.each([
    [[S, S, S, F], 1, 3],
    [[S, S, S, F], 4, 2],
    [[F, F], 1, 2],
    [[], 1, null],
  ] as const)('scores %j with shortfall weight %d as %s', (judgements, shortfall, score) => {
    const weights = { exceptional: 1, strength: 1, shortfall, 'significant-shortfall': 4 };
    expect(scoreWith(judgements, weights)).toBe(score);
  });
});

describe('fitWeights', () => {
  it('finds a shortfall weight that separates the published scores', () => {
    // One shortfall in four items is published as 2, one in six as 3: a weight
    // of 1 scores both 3, and only weights above 3 and up to 5 separate them.
    const rows = [
      row('a', 2, [S, S, S, F]),
      row('b', 3, [S, S, S, S, S, F]),
      row('c', 2, [S, S, S, F]),
      row('d', 3, [S, S, S, S, S, F]),
    ];
    const weights = fitWeights(rows);
    expect(weights.shortfall).toBeGreaterThan(3);
    expect(weights.shortfall).toBeLessThanOrEqual(5);
    for (const r of rows) expect(scoreWith(r.judgements, weights)).toBe(r.expected);
  });
});

describe('leaveOneCouncilOut', () => {
  it('scores each council with weights fitted without it', () => {
    const rows = [
      row('a', 2, [S, F]),
      row('b', 2, [S, S, F]),
      row('c', 3, [S, S, S, S, S, S, S, S, F]),
      // The council left out disagrees with the others: its own score must not leak into its weights.
      row('odd', 3, [S, F]),
    ];
    const { heldOut, foldWeights } = leaveOneCouncilOut(rows);
    expect(Object.keys(foldWeights)).toEqual(['a', 'b', 'c', 'odd']);
    expect(heldOut.find((r) => r.name === 'odd')?.predicted).toBe(2);
    for (const r of rows.filter((r) => r.name !== 'odd'))
      expect(scoreWith(r.judgements, foldWeights.odd!)).toBe(r.expected);
  });
});
