/**
 * `--fix` and `--fix-dry-run`: the safe corrections the diagnostics carry
 * (a misspelt key or value with one clear match, a day-first date, a value in
 * another case), made to the evidence files only when asked. Each file is
 * rewritten as reports are (src/cli/write-file.ts): a temporary file beside
 * it with the same permission bits, flushed to disk, then renamed over it.
 */
import { plural } from '../base/plural.js';
import { applyFixes, unifiedDiff } from '../load/edit.js';
import type { Diagnostic, Fix, ScoreResult } from '../model/index.js';
import { run } from '../run/index.js';
import type { PipelineOptions } from '../run/index.js';
import type { MainOptions } from './io.js';
import { readInput } from '../load/read-input.js';
import { writeFileSafely } from './write-file.js';

/** The fixes of each file, in file order. */
function fixesByFile(diagnostics: readonly Diagnostic[]): Map<string, Fix[]> {
  const out = new Map<string, Fix[]>();
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const list = out.get(d.file) ?? [];
    list.push(d.fix);
    out.set(d.file, list);
  }
  return out;
}

export interface FixOutcome {
  fixes: number;
  files: number;
  /** The unified diff of every change (written to stdout by --fix-dry-run). */
  diff: string;
}

/** Makes (or, dry, only describes) every safe fix in the result's files. */
export function fixEvidence(result: ScoreResult, dryRun: boolean): FixOutcome {
  const outcome: FixOutcome = { fixes: 0, files: 0, diff: '' };
  for (const [file, fixes] of fixesByFile(result.diagnostics)) {
    // Read again as any input is: a file swapped for a FIFO or deleted since is left alone.
    const read = readInput(file, Number.MAX_SAFE_INTEGER);
    if (read.kind !== 'read') continue;
    const before = read.bytes.toString('utf8');
    const edited = applyFixes(before, fixes);
    if (edited.applied.length === 0) continue;
    outcome.fixes += edited.applied.length;
    outcome.files++;
    outcome.diff += unifiedDiff(file, before, edited.text);
    if (!dryRun) writeFileSafely(file, edited.text);
  }
  return outcome;
}

/**
 * The run behind `cqc-score` and `validate` with `--fix`: fix, then read the
 * files again so the report shows what is left. With `--fix-dry-run` the diff
 * is printed and nothing else is reported (`report` false); the result, of the
 * files as they still are, decides the exit status.
 */
export function runFixing(
  paths: string[],
  runOptions: PipelineOptions,
  flags: { fix?: boolean; fixDryRun?: boolean },
  options: MainOptions,
): { result: ScoreResult; report: boolean } {
  const result = run(paths, runOptions);
  if (!flags.fix && !flags.fixDryRun) return { result, report: true };
  const outcome = fixEvidence(result, flags.fixDryRun === true);
  const what = `${plural(outcome.fixes, 'problem')} in ${plural(outcome.files, 'file')}`;
  if (flags.fixDryRun) {
    options.stdout.write(outcome.diff);
    options.stderr.write(`cqc-score: --fix would correct ${what}\n`);
    return { result, report: false };
  }
  options.stderr.write(`cqc-score: fixed ${what}\n`);
  return { result: outcome.fixes > 0 ? run(paths, runOptions) : result, report: true };
}
