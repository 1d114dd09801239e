// Precision and recall of the personal-data guard on labelled sentences of our
// own: corpus.yaml, which the detectors were developed against, and
// corpus-held-out.yaml, written afterwards and measured without tuning.
// `npm run privacy-corpus` prints the same figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusReport, measureGuard, readCorpus } from '../../src/validate/privacy-corpus.js';
import type { CorpusMeasure } from '../../src/validate/privacy-corpus.js';

const measure = (file: string): CorpusMeasure =>
  measureGuard(readCorpus(readFileSync(`test/privacy/${file}`, 'utf8')));

describe.each([
  ['corpus.yaml', 250, 0.95],
  ['corpus-held-out.yaml', 100, 0.9],
])('%s', (file, sentences, kindFloor) => {
  const result = measure(file);
  const all = result.figures.find((f) => f.kind === 'all')!;

  it('has enough sentences of every kind, and sentences without any', () => {
    expect(result.sentences).toBeGreaterThanOrEqual(sentences);
    for (const f of result.figures) expect(f.truePositives + f.falseNegatives).toBeGreaterThan(9);
    const clean = readCorpus(readFileSync(`test/privacy/${file}`, 'utf8')).filter(
      (c) => c.kinds.length === 0,
    );
    expect(clean.length).toBeGreaterThan(40);
  });

  it("matches the README's figures", () => {
    const percent = (part: number, whole: number): string =>
      `${Number(((100 * part) / whole).toFixed(1))}% (${part} of ${whole})`;
    const found = all.truePositives;
    const line = readFileSync('README.md', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`| \`${file}\``));
    const cells = line?.split('|').map((cell) => cell.trim());
    expect(cells?.slice(2, 5)).toEqual([
      String(result.sentences),
      percent(found, found + all.falsePositives),
      percent(found, found + all.falseNegatives),
    ]);
  });

  it('finds personal data with precision and recall of at least 0.95 overall', () => {
    expect(all.precision, corpusReport(result)).toBeGreaterThanOrEqual(0.95);
    expect(all.recall, corpusReport(result)).toBeGreaterThanOrEqual(0.95);
  });

  it.each(result.figures.filter((f) => f.kind !== 'all'))(
    '$kind: precision and recall above the floor',
    (f) => {
      expect(f.precision, corpusReport(result)).toBeGreaterThanOrEqual(kindFloor);
      expect(f.recall, corpusReport(result)).toBeGreaterThanOrEqual(kindFloor);
    },
  );
});

describe('measureGuard', () => {
  it('counts per sentence and kind', () => {
    const result = measureGuard([
      { text: 'call 07700 900123', kinds: ['phone'] },
      { text: 'call 07700 900123', kinds: ['email'] },
      { text: 'nothing here', kinds: [] },
    ]);
    const phone = result.figures.find((f) => f.kind === 'phone')!;
    const email = result.figures.find((f) => f.kind === 'email')!;
    expect([phone.truePositives, phone.falsePositives, phone.falseNegatives]).toEqual([1, 1, 0]);
    expect([email.truePositives, email.falsePositives, email.falseNegatives]).toEqual([0, 0, 1]);
    expect(phone.precision).toBe(0.5);
    expect(email.recall).toBe(0);
    expect(result.mistakes).toHaveLength(1);
  });

  it('refuses a label that is not a kind', () => {
    expect(() => readCorpus('- [postcode, "ME4 4TR"]\n')).toThrow(/unknown kind "postcode"/);
  });
});
