/**
 * Measuring the personal-data guard on a corpus of sentences labelled with
 * the personal data they hold (test/privacy/corpus.yaml). Counted per sentence
 * and kind: a kind found in a sentence labelled with it is a true positive, a
 * kind found in a sentence not labelled with it a false positive, and a label
 * whose kind is not found a false negative.
 */
import { yamlLib } from '../load/yaml-lib.js';
import { PERSONAL_DATA_KINDS } from './detectors.js';
import type { PersonalDataKind } from './detectors.js';
import { findPersonalData } from './privacy.js';

export interface CorpusCase {
  text: string;
  kinds: PersonalDataKind[];
}

export interface GuardFigures {
  kind: PersonalDataKind | 'all';
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface CorpusMeasure {
  sentences: number;
  figures: GuardFigures[];
  /** Sentences where the guard and the label disagree, with what was expected and found. */
  mistakes: { text: string; expected: string[]; found: string[] }[];
}

/** Reads the corpus: a YAML list of `[kinds, text]`, kinds joined by "+" or "none". */
export function readCorpus(text: string): CorpusCase[] {
  const rows = yamlLib().parse(text) as [string, string][];
  return rows.map(([label, sentence]) => {
    const kinds = label === 'none' ? [] : label.split('+');
    for (const kind of kinds) {
      if (!(PERSONAL_DATA_KINDS as readonly string[]).includes(kind))
        throw new Error(`unknown kind "${kind}" for: ${sentence}`);
    }
    return { text: sentence, kinds: kinds as PersonalDataKind[] };
  });
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

export function measureGuard(cases: readonly CorpusCase[]): CorpusMeasure {
  const counts = new Map<PersonalDataKind, { tp: number; fp: number; fn: number }>(
    PERSONAL_DATA_KINDS.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]),
  );
  const mistakes: CorpusMeasure['mistakes'] = [];
  for (const { text, kinds } of cases) {
    const found = new Set(findPersonalData(text).map((hit) => hit.kind));
    const expected = new Set(kinds);
    for (const kind of PERSONAL_DATA_KINDS) {
      const count = counts.get(kind)!;
      if (found.has(kind) && expected.has(kind)) count.tp++;
      else if (found.has(kind)) count.fp++;
      else if (expected.has(kind)) count.fn++;
    }
    if ([...found].sort().join() !== [...expected].sort().join())
      mistakes.push({ text, expected: [...expected].sort(), found: [...found].sort() });
  }
  const figure = (
    kind: GuardFigures['kind'],
    { tp, fp, fn }: { tp: number; fp: number; fn: number },
  ): GuardFigures => ({
    kind,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  });
  const total = { tp: 0, fp: 0, fn: 0 };
  const figures = PERSONAL_DATA_KINDS.map((kind) => {
    const count = counts.get(kind)!;
    total.tp += count.tp;
    total.fp += count.fp;
    total.fn += count.fn;
    return figure(kind, count);
  });
  figures.push(figure('all', total));
  return { sentences: cases.length, figures, mistakes };
}

/** The figures as a Markdown table, as the README shows them. */
export function corpusReport(measure: CorpusMeasure): string {
  const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${measure.sentences} sentences`,
    '',
    '| kind | found | missed | false alarms | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...measure.figures.map(
      (f) =>
        `| ${f.kind} | ${f.truePositives} | ${f.falseNegatives} | ${f.falsePositives} | ${percent(f.precision)} | ${percent(f.recall)} |`,
    ),
  ];
  for (const m of measure.mistakes)
    lines.push(
      `mistake: expected [${m.expected.join(', ')}] found [${m.found.join(', ')}]: ${m.text}`,
    );
  return `${lines.join('\n')}\n`;
}
