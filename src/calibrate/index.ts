/**
 * Measures suggested scores against published ones, and fits the item
 * weights to them. A case is a folder with `expected.yaml` (published
 * `scores`) and an `evidence/` folder; the form is the name of the folder
 * that holds the cases (labelled, text-only). The honest figure is
 * leave-one-council-out: weights fitted on every other council, then used on
 * the one left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { Judgement } from '../model/index.js';
import { run } from '../run/index.js';
import { roundPercent, scoreForPercent } from '../score/arithmetic.js';
import { weightedPercent } from '../score/statement.js';
import { ITEM_WEIGHT } from '../score/weights.js';

export type Weights = Record<Judgement, number>;

/** The form weights are fitted on: the one whose items carry a reader's judgement. */
export const FIT_FORM = 'labelled';

export interface CaseResult {
  form: string;
  /** The council (the case folder's name). */
  name: string;
  statement: string;
  expected: number;
  predicted: number | null;
  /** The judgements the score rests on (current, judged items), to score again with other weights. */
  judgements: Judgement[];
}

export interface FormSummary {
  form: string;
  cases: number;
  statements: number;
  exact: number;
  withinOne: number;
  offByTwoOrMore: number;
  notScored: number;
  /** confusion[expected-1][predicted-1]; predicted null counted in notScored. */
  confusion: number[][];
  /** How many statements a constant guess of 3 would get right, for comparison. */
  alwaysThree: number;
}

export interface Calibration {
  /** Scored with the shipped weights. */
  results: CaseResult[];
  forms: FormSummary[];
  /** Each council scored with weights fitted on the others. */
  heldOut: CaseResult[];
  heldOutForms: FormSummary[];
  /** The weights each council was scored with when left out. */
  foldWeights: Record<string, Weights>;
  /**
   * Per form, the most statements any candidate weights score exactly, in
   * sample: how far weighting judgements can go at all on these cases.
   */
  ceiling: Record<string, number>;
}

function findCases(dir: string): string[] {
  if (existsSync(join(dir, 'expected.yaml')) && existsSync(join(dir, 'evidence'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory() && !basename(path).startsWith('.'))
    .flatMap(findCases);
}

/** Every published statement score that has an evidence file, with what the tool makes of it. */
export function scoreCases(dirs: readonly string[]): CaseResult[] {
  const results: CaseResult[] = [];
  for (const caseDir of [...new Set(dirs.flatMap(findCases))].sort()) {
    const expected = parse(readFileSync(join(caseDir, 'expected.yaml'), 'utf8')) as {
      scores?: Record<string, number>;
    };
    const evidenceDir = join(caseDir, 'evidence');
    const withFiles = new Set(
      readdirSync(evidenceDir).map((name) => name.replace(/\.ya?ml$/i, '')),
    );
    const result = run(evidenceDir);
    for (const [statement, score] of Object.entries(expected.scores ?? {})) {
      if (!withFiles.has(statement)) continue;
      const found = result.statements.find((s) => s.id === statement);
      results.push({
        form: basename(dirname(caseDir)),
        name: basename(caseDir),
        statement,
        expected: score,
        predicted: found?.score ?? null,
        judgements: (found?.items ?? []).flatMap((item) =>
          !item.stale && item.basis ? [item.basis.judgement] : [],
        ),
      });
    }
  }
  return results;
}

/** The score a statement gets from its judgements under these weights (direct method, rounding up). */
export function scoreWith(judgements: readonly Judgement[], weights: Weights): number | null {
  const exact = weightedPercent(judgements, weights);
  return exact === null ? null : scoreForPercent(roundPercent(exact, 'up'));
}

/** The weights tried when fitting: shortfalls 1–4 and significant shortfalls up to 8, by quarters and halves. */
export function candidateWeights(): Weights[] {
  const out: Weights[] = [];
  for (let shortfall = 1; shortfall <= 4; shortfall += 0.25)
    for (let significant = shortfall; significant <= 8; significant += 0.5)
      out.push({ exceptional: 1, strength: 1, shortfall, 'significant-shortfall': significant });
  return out;
}

/**
 * How well weights fit some cases, best first when sorted descending: exact
 * agreement, then agreement within one, then how far inside the published
 * band each percentage sits (capped, so the fit prefers the middle of a
 * plateau of equally good weights to its edge).
 */
function fitness(rows: readonly CaseResult[], weights: Weights): number[] {
  let exact = 0;
  let withinOne = 0;
  let margin = 0;
  for (const row of rows) {
    const percent = weightedPercent(row.judgements, weights);
    if (percent === null) continue;
    const predicted = scoreForPercent(roundPercent(percent, 'up'));
    if (predicted === row.expected) exact++;
    if (Math.abs(predicted - row.expected) <= 1) withinOne++;
    const low = [0, 25, 38.5, 62.5, 87.5][row.expected] as number;
    const high = [0, 38.5, 62.5, 87.5, 100][row.expected] as number;
    margin += Math.min(percent - low, high - percent, 5);
  }
  return [exact, withinOne, Math.round(margin * 1000) / 1000];
}

/** The candidate weights that fit these cases best; ties go to the earlier candidate. */
export function fitWeights(rows: readonly CaseResult[]): Weights {
  let best = candidateWeights()[0] as Weights;
  let bestFit = fitness(rows, best);
  for (const weights of candidateWeights()) {
    const fit = fitness(rows, weights);
    const better = fit.findIndex((v, i) => v !== bestFit[i]);
    if (better >= 0 && (fit[better] as number) > (bestFit[better] as number)) {
      best = weights;
      bestFit = fit;
    }
  }
  return best;
}

/**
 * Each council scored with weights fitted on all the others. Weights are
 * fitted on the labelled form only, where every judgement is a careful
 * reader's: they say how judgements add up to a score, whoever made them.
 */
export function leaveOneCouncilOut(rows: readonly CaseResult[]): {
  heldOut: CaseResult[];
  foldWeights: Record<string, Weights>;
} {
  const heldOut: CaseResult[] = [];
  const foldWeights: Record<string, Weights> = {};
  for (const council of [...new Set(rows.map((r) => r.name))].sort()) {
    const weights = fitWeights(rows.filter((r) => r.name !== council && r.form === FIT_FORM));
    foldWeights[council] = weights;
    for (const row of rows.filter((r) => r.name === council))
      heldOut.push({ ...row, predicted: scoreWith(row.judgements, weights) });
  }
  return { heldOut, foldWeights };
}

function summariseForms(results: readonly CaseResult[]): FormSummary[] {
  return [...new Set(results.map((r) => r.form))].map((form) =>
    summarise(
      form,
      results.filter((r) => r.form === form),
    ),
  );
}

export function calibrate(dirs: readonly string[], weights: Weights = ITEM_WEIGHT): Calibration {
  const scored = scoreCases(dirs);
  const results = scored.map((row) => ({ ...row, predicted: scoreWith(row.judgements, weights) }));
  const { heldOut, foldWeights } = leaveOneCouncilOut(scored);
  const ceiling: Record<string, number> = {};
  for (const form of new Set(scored.map((r) => r.form))) {
    const rows = scored.filter((r) => r.form === form);
    ceiling[form] = Math.max(...candidateWeights().map((w) => fitness(rows, w)[0] as number));
  }
  return {
    results,
    forms: summariseForms(results),
    heldOut,
    heldOutForms: summariseForms(heldOut),
    foldWeights,
    ceiling,
  };
}

function summarise(form: string, rows: readonly CaseResult[]): FormSummary {
  const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  let exact = 0;
  let withinOne = 0;
  let offByTwoOrMore = 0;
  let notScored = 0;
  for (const row of rows) {
    if (row.predicted === null) {
      notScored++;
      continue;
    }
    (confusion[row.expected - 1] as number[])[row.predicted - 1]++;
    const off = Math.abs(row.expected - row.predicted);
    if (off === 0) exact++;
    if (off <= 1) withinOne++;
    else offByTwoOrMore++;
  }
  return {
    form,
    cases: new Set(rows.map((r) => r.name)).size,
    statements: rows.length,
    exact,
    withinOne,
    offByTwoOrMore,
    notScored,
    confusion,
    alwaysThree: rows.filter((r) => r.expected === 3).length,
  };
}

const pct = (n: number, of: number): string => (of === 0 ? '-' : `${((n / of) * 100).toFixed(1)}%`);

function formLines(f: FormSummary): string[] {
  return [
    `  exact agreement      ${f.exact}/${f.statements} = ${pct(f.exact, f.statements)}`,
    `  within one           ${f.withinOne}/${f.statements} = ${pct(f.withinOne, f.statements)}`,
    `  off by two or more   ${f.offByTwoOrMore}`,
    `  not scored           ${f.notScored}`,
    `  always predicting 3  ${f.alwaysThree}/${f.statements} = ${pct(f.alwaysThree, f.statements)}`,
    '  confusion (rows: published score, columns: suggested)',
    '                  1   2   3   4',
    ...f.confusion.map(
      (row, i) => `    published ${i + 1} ${row.map((n) => String(n).padStart(3)).join(' ')}`,
    ),
  ];
}

const weightsText = (w: Weights): string =>
  `shortfall ${w.shortfall}, significant shortfall ${w['significant-shortfall']}`;

export function calibrationReport(outcome: Calibration, verbose = false): string {
  const out: string[] = [];
  for (const f of outcome.forms) {
    const held = outcome.heldOutForms.find((h) => h.form === f.form) as FormSummary;
    out.push(`${f.form}: ${f.statements} statements from ${f.cases} reports`);
    out.push(` in sample (shipped weights: ${weightsText(ITEM_WEIGHT)})`, ...formLines(f));
    out.push(' leave one council out (weights fitted on the other councils)', ...formLines(held));
    out.push(
      ` best any candidate weights reach on these judgements, in sample: ${outcome.ceiling[f.form]}/${f.statements} = ${pct(outcome.ceiling[f.form] ?? 0, f.statements)}`,
    );
    out.push('');
  }
  out.push('Weights fitted with each council left out:');
  for (const [council, w] of Object.entries(outcome.foldWeights))
    out.push(`  ${council.padEnd(24)} ${weightsText(w)}`);
  out.push('');
  const misses = outcome.heldOut.filter((r) => r.predicted !== r.expected);
  if (verbose || misses.length > 0) {
    out.push('Disagreements, leaving the council out:');
    for (const r of misses)
      out.push(
        `  ${r.form}/${r.name} ${r.statement}: published ${r.expected}, suggested ${r.predicted ?? 'none'}`,
      );
  }
  return `${out.join('\n')}\n`;
}
