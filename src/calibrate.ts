/**
 * Measures suggested scores against published ones. A case is a folder with
 * `expected.yaml` (published `scores`) and an `evidence/` folder; the form is
 * the name of the folder that holds the cases (e.g. labelled, text-only).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { run } from './pipeline.js';

export interface CaseResult {
  form: string;
  name: string;
  statement: string;
  expected: number;
  predicted: number | null;
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
  /** Share of statements a constant guess of 3 would get right, for comparison. */
  alwaysThree: number;
}

function findCases(dir: string): string[] {
  if (existsSync(join(dir, 'expected.yaml')) && existsSync(join(dir, 'evidence'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory() && !basename(path).startsWith('.'))
    .flatMap(findCases);
}

export function calibrate(dirs: readonly string[]): {
  results: CaseResult[];
  forms: FormSummary[];
} {
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
      const predicted = result.statements.find((s) => s.id === statement)?.score ?? null;
      results.push({
        form: basename(dirname(caseDir)),
        name: basename(caseDir),
        statement,
        expected: score,
        predicted,
      });
    }
  }
  const forms = [...new Set(results.map((r) => r.form))].map((form) =>
    summarise(
      form,
      results.filter((r) => r.form === form),
    ),
  );
  return { results, forms };
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

export function calibrationReport(
  { results, forms }: ReturnType<typeof calibrate>,
  verbose = false,
): string {
  const out: string[] = [];
  for (const f of forms) {
    out.push(`${f.form}: ${f.statements} statements from ${f.cases} reports`);
    out.push(`  exact agreement      ${f.exact}/${f.statements} = ${pct(f.exact, f.statements)}`);
    out.push(
      `  within one           ${f.withinOne}/${f.statements} = ${pct(f.withinOne, f.statements)}`,
    );
    out.push(`  off by two or more   ${f.offByTwoOrMore}`);
    out.push(`  not scored           ${f.notScored}`);
    out.push(
      `  always predicting 3  ${f.alwaysThree}/${f.statements} = ${pct(f.alwaysThree, f.statements)}`,
    );
    out.push('  confusion (rows: published score, columns: suggested)');
    out.push('              1   2   3   4');
    f.confusion.forEach((row, i) =>
      out.push(`    published ${i + 1} ${row.map((n) => String(n).padStart(3)).join(' ')}`),
    );
    out.push('');
  }
  const misses = results.filter((r) => r.predicted !== r.expected);
  if (verbose || misses.length > 0) {
    out.push('Disagreements:');
    for (const r of misses)
      out.push(
        `  ${r.form}/${r.name} ${r.statement}: published ${r.expected}, suggested ${r.predicted ?? 'none'}`,
      );
  }
  return `${out.join('\n')}\n`;
}
