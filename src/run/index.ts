/**
 * One run of `cqc-score DIR`, in order. Each step is a file of this folder:
 *
 *   1-discover   find the evidence files below the folder
 *   2-read       read and parse each file, and check it for personal data
 *   3-validate   check the files against the evidence format; ids across files
 *   4-judge      judge each item against its statements' rules
 *   5-score      score each statement, then roll the scores up
 *
 * (The report, step 6, is a formatter chosen by the CLI: report/.)
 * The run returns data and never prints.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import { VERSION } from '../base/version.js';
import type { Config, Diagnostic, RunOptions, ScoreResult } from '../model/index.js';
import { resolveConfig } from '../validate/config.js';
import { loadFramework } from '../frameworks/catalogue.js';
import { loadRules } from '../score/rubrics.js';
import { discover } from './1-discover.js';
import type { FoundFile } from './1-discover.js';
import { readEvidenceFile } from './2-read.js';
import type { ReadOptions } from './2-read.js';
import { validateFiles } from './3-validate.js';
import { judgeItems } from './4-judge.js';
import type { Verdicts } from './4-judge.js';
import { scoreAll } from './5-score.js';

export interface PipelineOptions extends RunOptions, ReadOptions {
  /** Reorders discovered files: tests use it to prove output does not depend on disk order. */
  reorder?: (files: FoundFile[]) => FoundFile[];
  now?: Date;
}

/** A run's result, and the verdicts behind it (for `explain`). */
export interface Analysis {
  result: ScoreResult;
  verdicts: Verdicts;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function loadConfig(dir: string, options: PipelineOptions = {}): Config {
  const root = resolve(dir);
  let stats;
  try {
    stats = statSync(root);
  } catch {
    throw new FatalError(`${dir}: no such folder; give the path of an evidence folder`);
  }
  if (!stats.isDirectory())
    throw new FatalError(`${dir} is not a folder; give the path of an evidence folder`);
  return resolveConfig(root, options, options.now);
}

export function analyse(dir: string, options: PipelineOptions = {}): Analysis {
  const config = loadConfig(dir, options);
  const catalogue = loadFramework(config.framework);
  const rules = loadRules(catalogue, options.rubrics ?? [], config.maxFileBytes);

  const found = discover(resolve(dir));
  // Files are taken in path order, whatever order the disk gave them in.
  const files = (options.reorder ? options.reorder([...found.files]) : [...found.files]).sort(
    (a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0),
  );
  // One file at a time: a file's syntax tree and text go once it is checked.
  const parsed = (function* () {
    // A file reached through several links is read once (see 2-read.ts).
    const seen = new Map<string, string>();
    for (const file of files) yield readEvidenceFile(file, config, options, seen);
  })();
  const { items, excluded, diagnostics } = validateFiles(parsed, config);
  const verdicts = judgeItems(items, rules);
  const { statements, groups, overall } = scoreAll(catalogue, rules, verdicts, excluded, config);

  const all = [...found.diagnostics, ...diagnostics].sort(compareDiagnostics);
  const result: ScoreResult = {
    schemaVersion: 1,
    tool: { name: 'cqc-score', version: VERSION },
    framework: config.framework,
    asOf: config.asOf,
    method: config.scoring,
    rounding: config.rounding,
    files: files.length,
    items: items.length,
    statements,
    groups,
    overall,
    diagnostics: all,
    summary: {
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warn').length,
      infos: all.filter((d) => d.severity === 'info').length,
    },
    provisional: excluded.length > 0 || overall.scored < overall.of,
    excludedItems: excluded.length,
  };
  return { result, verdicts };
}

export function run(dir: string, options: PipelineOptions = {}): ScoreResult {
  return analyse(dir, options).result;
}
