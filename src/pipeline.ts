/**
 * One run, in order: find files → parse → validate → judge items (chunk.ts,
 * on several threads for large repositories) → score statements → roll up.
 * The one place to read to understand what `cqc-score DIR` does. It returns
 * data and never prints.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FatalError } from './errors.js';
import type { Config, Diagnostic, EvidenceItem, RunOptions, ScoreResult } from './model/index.js';
import { discover } from './load/discover.js';
import type { FoundFile } from './load/discover.js';
import { resolveConfig } from './validate/config.js';
import { findDuplicateIds } from './validate/evidence.js';
import { loadFramework } from './frameworks/catalogue.js';
import { loadRules, rollUp, scoreStatements } from './score/index.js';
import type { Verdict } from './score/index.js';
import { runChunks } from './parallel.js';
import type { ParallelOptions } from './parallel.js';
import { VERSION } from './version.js';

export interface PipelineOptions extends RunOptions, ParallelOptions {
  /** Receives each statement's item verdicts, for `explain`. */
  onVerdicts?: (statement: string, verdicts: readonly Verdict[]) => void;
  /** Reorders discovered files: tests use it to prove output does not depend on disk order. */
  reorder?: (files: FoundFile[]) => FoundFile[];
  now?: Date;
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

export function run(dir: string, options: PipelineOptions = {}): ScoreResult {
  const config = loadConfig(dir, options);
  const catalogue = loadFramework(config.framework);
  const rules = loadRules(catalogue, options.rubrics ?? []);

  const found = discover(resolve(dir));
  const files = options.reorder ? options.reorder([...found.files]) : found.files;
  // explain needs every rule's outcome, which only a one-thread run keeps.
  const chunks = runChunks(
    files,
    config,
    rules,
    options.onVerdicts ? { ...options, threads: 1, keepAllFired: true } : options,
  );

  // Merge the chunks in file order: drop repeated ids, then sort items by place.
  const { duplicates, diagnostics: idProblems } = findDuplicateIds(chunks.map((c) => c.ids));
  const verdicts = new Map<EvidenceItem, Verdict[]>();
  const items: EvidenceItem[] = [];
  const diagnostics: Diagnostic[] = [...idProblems];
  chunks.forEach((chunk, c) => {
    diagnostics.push(...chunk.diagnostics);
    chunk.items.forEach((item, i) => {
      if (duplicates[c]?.has(i)) return;
      items.push(item);
      verdicts.set(item, chunk.verdicts[i] ?? []);
    });
  });
  items.sort((a, b) =>
    a.ref.file < b.ref.file
      ? -1
      : a.ref.file > b.ref.file
        ? 1
        : a.ref.line - b.ref.line || a.ref.column - b.ref.column,
  );

  const statements = scoreStatements(catalogue, rules, items, config, {
    verdictOf: (item, statement) => verdicts.get(item)?.[item.statements.indexOf(statement)],
    ...(options.onVerdicts ? { onVerdicts: options.onVerdicts } : {}),
  });
  const { groups, overall } = rollUp(catalogue, statements, config);
  const all = [...found.diagnostics, ...diagnostics].sort(compareDiagnostics);
  return {
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
  };
}
