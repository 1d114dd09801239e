import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../src/score/text.js';

const WORDS = [
  'However',
  'but',
  'But also',
  'yet',
  'not yet',
  'although',
  'though',
  "though's",
  'even though',
  'despite',
  'in spite of',
  'while',
  'Whilst',
  'notwithstanding',
  'Nevertheless',
  'nonetheless',
  'contribute',
  'delays',
  'good',
  '\u0130',
  '\u212a',
  '£',
  ',',
  ';',
  '.',
  '\n',
  '(',
  "'",
  '’',
  'but_',
  'but2',
  'butä',
  'e.g.',
  'a.b',
  '?!',
  '...',
  ';;',
  '.\n',
  '\n\n',
  '\u00a0',
  '\u2028',
  '\r\n',
  '.\t',
];

describe('prepareText', () => {
  it('splits "however" and "although" clauses with their weights', () => {
    const { clauses, words, clauseOf } = prepareText(
      'Waits fell. However, reviews were late, although staff tried hard.',
    );
    const tokens = words.map((word) => word.text);
    expect(clauses.map((c) => c.weight)).toEqual([1, 1.5, 0.5]);
    expect(clauseOf[tokens.indexOf('late')]).toBe(1);
    expect(clauseOf[tokens.indexOf('tried')]).toBe(2);
  });

  it('reads text without contrast words exactly as the full clause patterns do', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
        fc.array(fc.constantFrom(' ', '', ', ', '. ', '.', '!', '? ', '\n', ';'), {
          maxLength: 30,
        }),
        (words, separators) => {
          const text = words.map((w, i) => w + (separators[i] ?? ' ')).join('');
          expect(prepareText(text)).toEqual(prepareText(text, true));
        },
      ),
      { numRuns: 3000, seed: 20251126 },
    );
  });
});
