import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseIndex, phraseVariants } from '../../src/score/phrases.js';
import { prepareText } from '../../src/score/text.js';
import type { PreparedText } from '../../src/score/text.js';
import {
  Vocabulary,
  WORD_CONTRAST,
  WORD_LINK,
  WORD_NEGATOR,
  WORD_NOT,
  WORD_ONLY,
  WORD_PREVENTER,
  wordHash,
} from '../../src/score/words.js';

describe('Vocabulary', () => {
  it('gives one word per text, found from inside a longer string by its hash', () => {
    const known = new Vocabulary();
    const source = 'xx delays yy';
    const inside = known.find(source, 3, 9, wordHash(source, 3, 9));
    expect(inside.text).toBe('delays');
    expect(known.word('delays')).toBe(inside);
    expect(known.word('delay')).not.toBe(inside);
    expect(known.size).toBe(2);
  });

  it('keeps every word findable as its table grows', () => {
    const known = new Vocabulary();
    const words = Array.from({ length: 20000 }, (_, i) => known.word(`w${i.toString(36)}`));
    expect(new Set(words.map((w) => w.id)).size).toBe(20000);
    for (let i = 0; i < 20000; i += 7) expect(known.word(`w${i.toString(36)}`)).toBe(words[i]);
  });

  it('marks the words the text reader looks for', () => {
    const known = new Vocabulary();
    expect(known.word('not').flags).toBe(WORD_NEGATOR | WORD_NOT);
    expect(known.word("didn't").flags).toBe(WORD_NEGATOR);
    expect(known.word('prevented').flags).toBe(WORD_PREVENTER);
    expect(known.word('or').flags).toBe(WORD_LINK);
    expect(known.word('just').flags).toBe(WORD_ONLY);
    expect(known.word("however's").flags).toBe(WORD_CONTRAST);
    expect(known.word('butter').flags).toBe(0);
  });
});

/** The phrase scan as it was before words were shared: every position, every phrase. */
function referenceScan(phrases: string[][], prepared: PreparedText): [number, number, number][] {
  const exact: [number, { word: string; prefix: boolean }[]][] = [];
  const stems: typeof exact = [];
  const short: typeof exact = [];
  phrases.forEach((list, condition) => {
    for (const phrase of list) {
      for (const words of phraseVariants(phrase)) {
        const first = words[0]!;
        (!first.prefix ? exact : first.word.length < 3 ? short : stems).push([condition, words]);
      }
    }
  });
  const tokens = prepared.words.map((w) => w.text);
  const found: [number, number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = [
      ...exact.filter(([, words]) => words[0]!.word === tokens[i]),
      ...stems.filter(
        ([, words]) =>
          tokens[i]!.length >= 3 && words[0]!.word.slice(0, 3) === tokens[i]!.slice(0, 3),
      ),
      ...short,
    ];
    for (const [condition, words] of candidates) {
      const fits = words.every((pattern, j) => {
        const token = tokens[i + j];
        if (token === undefined) return false;
        return pattern.prefix ? token.startsWith(pattern.word) : token === pattern.word;
      });
      if (fits) found.push([condition, i, words.length]);
    }
  }
  return found;
}

describe('PhraseIndex', () => {
  const WORDS = ['delay', 'delays', 'de', 'waiting', 'list', 'lists', 'co', 'production', 'not'];
  const PHRASES = [
    'delay*',
    'de*',
    'waiting list',
    'waiting list*',
    'co-production',
    'delays',
    'd*',
    'list',
  ];

  it('finds the same phrases in the same order as a scan of every position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...PHRASES), { maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.constantFrom(...WORDS, 'coproduction', 'co-production'), { maxLength: 20 }),
        (phrases, words) => {
          const index = new PhraseIndex();
          phrases.forEach((list, condition) => index.add(condition, list));
          const prepared = prepareText(words.join(' '));
          const found: [number, number, number][] = [];
          index.scan(prepared, (condition, token, length) =>
            found.push([condition, token, length]),
          );
          expect(found).toEqual(referenceScan(phrases, prepared));
        },
      ),
      { numRuns: 500, seed: 20261126 },
    );
  });

  it('starts its per-word table afresh for words of another vocabulary', () => {
    const index = new PhraseIndex();
    index.add(0, ['waiting list']);
    const read = (known: Vocabulary, text: string): PreparedText => ({
      text,
      clauses: [{ start: 0, end: text.length, weight: 1, sentence: 0 }],
      words: text.split(' ').map((word) => known.word(word)),
      starts: [],
      clauseOf: text.split(' ').map(() => 0),
      aligned: true,
    });
    const first = new Vocabulary();
    const second = new Vocabulary();
    // In `second`, "waiting" gets the id "other" had in `first`.
    const count = (prepared: PreparedText): number => {
      let n = 0;
      index.scan(prepared, () => n++);
      return n;
    };
    expect(count(read(first, 'other waiting list'))).toBe(1);
    expect(count(read(second, 'waiting list other'))).toBe(1);
    expect(count(read(second, 'other list'))).toBe(0);
  });
});
