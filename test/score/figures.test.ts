import { describe, expect, it } from 'vitest';
import { readComparisons } from '../../src/score/figures.js';
import { prepareText } from '../../src/score/text.js';

const says = (sentence: string): string[] =>
  readComparisons(prepareText(sentence)).map((c) => c.direction);

describe('readComparisons', () => {
  it.each([
    // Against a benchmark, where more is better.
    ['The share of carers who felt supported was above the England average.', ['better']],
    ['The share of carers who felt supported was below the England average.', ['worse']],
    ['Satisfaction was in line with the England average.', ['similar']],
    ['Satisfaction was not statistically different from England.', ['similar']],
    ['31% of carers were satisfied against 38% nationally.', ['worse']],
    ['65% were satisfied, compared with 64% in England.', ['similar']],
    // Where less is better.
    ['Average waits were longer than the regional average.', ['worse']],
    ['Admissions to care homes were lower than among statistical neighbours.', ['better']],
    ['Complaints per thousand people were above the national average.', ['worse']],
    // Over time.
    ['Staff turnover fell from 25% to 9%.', ['better']],
    ['Uptake of direct payments rose from 18% to 26%.', ['better']],
    ['The number of people waiting grew from 120 to 300.', ['worse']],
    // Rankings.
    ['Uptake was the highest of any council in England.', ['better']],
    ['Reviews were the lowest in the region.', ['worse']],
    // A national comparison outranks a local one.
    ['Feeling safe was below England but above London.', ['worse']],
    // Not comparisons.
    ['More than 40 people came to the forum.', []],
    ['People under 65 were offered a review.', []],
    ['The average age of carers was 62.', []],
  ])('"%s" says %j', (sentence, expected) => {
    expect(says(sentence)).toEqual(expected);
  });
});
