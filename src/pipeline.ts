/**
 * One run, in order: find files → parse → validate → score → roll up.
 * The one place to read to understand what `cqc-score DIR` does. It returns
 * data and never prints.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FatalError } from './errors.js';
import type { Config, Diagnostic, RunOptions, ScoreResult } from './model/index.js';
import { discover } from './load/discover.js';
import type { FoundFile } from './load/discover.js';
import { parseEvidenceFile } from './load/parse.js';
import type { ParsedFile, ParseOptions } from './load/parse.js';
import { resolveConfig } from './validate/config.js';
import { findPersonalDataInFile, personalDataMessage } from './validate/privacy.js';
import { evidenceValidator } from './validate/evidence.js';
import { loadFramework } from './frameworks/catalogue.js';
import { loadRules, rollUp, scoreStatements } from './score/index.js';
import type { Verdict } from './score/index.js';
import { VERSION } from './version.js';

export interface PipelineOptions extends RunOptions, ParseOptions {
  /** Receives each statement's item verdicts, for `explain`. */
  onVerdicts?: (statement: string, verdicts: readonly Verdict[]) => void;
  /** Reorders discovered files: tests use it to prove output does not depend on disk order. */
  reorder?: (files: FoundFile[]) => FoundFile[];
  /** Reads one file; tests replace it to simulate files that cannot be read. */
  readFile?: (path: string) => Buffer;
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

function readOne(file: FoundFile, config: Config, options: PipelineOptions): ParsedFile {
  const failed = (code: string, message: string): ParsedFile => ({
    file: file.display,
    docs: [],
    locator: { locate: () => ({ line: 1, column: 1 }) },
    itemPosition: () => ({ line: 1, column: 1 }),
    diagnostics: [{ code, severity: 'error', file: file.display, line: 1, column: 1, message }],
    parser: 'exact',
  });
  let bytes: Buffer;
  try {
    const size = statSync(file.path).size;
    if (size > config.maxFileBytes) {
      return failed(
        'file/too-large',
        `file is ${size} bytes, over the ${config.maxFileBytes}-byte limit; split it into smaller files or raise "max-file-bytes"`,
      );
    }
    bytes = (options.readFile ?? readFileSync)(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return failed('file/unreadable', `file cannot be read (${code}); check its permissions`);
  }
  const parsed = parseEvidenceFile(file.display, bytes, options);
  if (config.privacy !== 'off' && parsed.text !== undefined) {
    for (const hit of findPersonalDataInFile(parsed.text, config.privacyAllow)) {
      parsed.diagnostics.push({
        code: `personal-data/${hit.kind}`,
        severity: config.privacy,
        file: file.display,
        line: hit.line,
        column: hit.column,
        message: personalDataMessage(hit.kind),
      });
    }
  }
  return parsed;
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
  const validator = evidenceValidator(config);
  for (const file of files) validator.add(readOne(file, config, options));
  const { items, diagnostics } = validator.result();
  items.sort((a, b) =>
    a.ref.file < b.ref.file
      ? -1
      : a.ref.file > b.ref.file
        ? 1
        : a.ref.line - b.ref.line || a.ref.column - b.ref.column,
  );

  const statements = scoreStatements(catalogue, rules, items, config, options.onVerdicts);
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
