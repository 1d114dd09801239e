/**
 * One run of `cqc-score PATH…`, in order. Each step is a file of this folder:
 *
 *   1-discover   find the evidence files the paths, globs or `-` name
 *   2-read       read and parse each file, and check it for personal data
 *   3-validate   check the files against the evidence format; ids across files
 *   4-judge      judge each item against its statements' rules
 *   5-score      score each statement, then roll the scores up
 *
 * (The report, step 6, is a formatter chosen by the CLI: report/.)
 * The run returns data and never prints.
 */
import { dirname } from 'node:path';
import { VERSION } from '../base/version.js';
import { displayPath } from '../base/paths.js';
import type { Config, Diagnostic, RunOptions, ScoreResult } from '../model/index.js';
import { explainConfig } from '../validate/config.js';
import type { ExplainedConfig } from '../validate/config.js';
import { applyRules, applySuppressions, findDirectives } from '../validate/suppressions.js';
import type { Directive } from '../validate/suppressions.js';
import { loadFramework } from '../frameworks/catalogue.js';
import { loadRules } from '../score/rubrics.js';
import { compareRefs } from '../score/statement.js';
import { configStart, discoverInputs } from './1-discover.js';
import type { DiscoverOptions, FoundFile } from './1-discover.js';
import { readEvidenceFile } from './2-read.js';
import type { ReadOptions } from './2-read.js';
import { validateFiles } from './3-validate.js';
import { judgeItems } from './4-judge.js';
import type { Verdicts } from './4-judge.js';
import { scoreAll } from './5-score.js';
import { maskDiagnostic } from '../validate/privacy.js';

export interface PipelineOptions extends RunOptions, ReadOptions {
  /** Reorders discovered files: tests use it to prove output does not depend on disk order. */
  reorder?: (files: FoundFile[]) => FoundFile[];
  now?: Date;
  /** The document read from standard input, for the input `-`. */
  stdin?: Buffer;
}

/** What a run reads: paths of folders or files, globs, or `-` for standard input. */
export type Inputs = string | readonly string[];

function inputList(inputs: Inputs): string[] {
  const list = typeof inputs === 'string' ? [inputs] : [...inputs];
  return list.length > 0 ? list : ['.'];
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

/** The configuration for these inputs, found from the first, and where each value came from. */
export function explainRunConfig(inputs: Inputs, options: PipelineOptions = {}): ExplainedConfig {
  const start = configStart(inputList(inputs), stdinOf(options));
  return explainConfig(start, options, options.now);
}

export function loadConfig(inputs: Inputs, options: PipelineOptions = {}): Config {
  return explainRunConfig(inputs, options).config;
}

function stdinOf(options: PipelineOptions): DiscoverOptions {
  if (options.stdin === undefined && options.stdinFilename === undefined) return {};
  const filename = options.stdinFilename;
  return {
    stdin: { content: options.stdin ?? Buffer.alloc(0), ...(filename ? { filename } : {}) },
  };
}

export function analyse(inputs: Inputs, options: PipelineOptions = {}): Analysis {
  const list = inputList(inputs);
  const config = loadConfig(list, options);
  const catalogue = loadFramework(config.framework);
  const rules = loadRules(catalogue, options.rubrics ?? [], config.maxFileBytes);

  const found = discoverInputs(list, {
    ...stdinOf(options),
    ignore: [
      ...(config.configFile !== undefined
        ? [{ base: dirname(config.configFile), patterns: config.ignore }]
        : []),
      { base: '.', patterns: options.ignore ?? [] },
    ],
    gitignore: options.gitignore === true,
  });
  // Files are taken in path order, whatever order the disk gave them in.
  const files = (options.reorder ? options.reorder([...found.files]) : [...found.files]).sort(
    (a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0),
  );
  const directives = new Map<string, Directive[]>();
  // One file at a time: a file's syntax tree and text go once it is checked.
  const parsed = (function* () {
    // A file reached through several links is read once (see 2-read.ts).
    const seen = new Map<string, string>();
    for (const file of files) {
      const read = readEvidenceFile(file, config, options, seen);
      const own = read.text === undefined ? [] : findDirectives(read.text);
      if (own.length > 0) directives.set(read.file, own);
      yield read;
    }
  })();
  const { items, excluded, diagnostics } = validateFiles(parsed, config);
  const verdicts = judgeItems(items, rules);
  const { statements, groups, overall } = scoreAll(catalogue, rules, verdicts, excluded, config);

  // A file named outright (or standard input's name) that is ignored was said so already:
  // as in ESLint, that is a warning, not a run without evidence.
  const namedAndIgnored = found.diagnostics.some((d) => d.code === 'file/ignored');
  const none: Diagnostic[] =
    files.length === 0 && options.allowEmpty !== true && !namedAndIgnored
      ? [
          {
            code: 'no-evidence',
            severity: 'error',
            file: list[0] === '-' ? '<stdin>' : displayPath(configStart(list)),
            line: 1,
            column: 1,
            message: `no evidence files found under ${list.join(', ')}; add .yaml evidence files, check the paths and ignore patterns, or pass --allow-empty`,
          },
        ]
      : [];
  // What the privacy notes say stays in every output: neither rules: nor a suppression hides it.
  // Messages can quote a file's words: personal data in them is masked in every run, with or without --redact.
  const all = [
    ...(config.privacyNotes ?? []),
    ...applyRules(
      [...applySuppressions([...found.diagnostics, ...diagnostics], directives), ...none],
      config.rules,
    ),
  ]
    .map((d) => maskDiagnostic(d, config.privacyAllow))
    .sort(compareDiagnostics);
  const result: ScoreResult = {
    schemaVersion: 1,
    tool: { name: 'cqc-score', version: VERSION },
    framework: config.framework,
    asOf: config.asOf,
    method: config.scoring,
    rounding: config.rounding,
    folder: displayPath(configStart(list, stdinOf(options))),
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
    excluded: excluded.map((item) => item.ref).sort(compareRefs),
  };
  return { result, verdicts };
}

export function run(inputs: Inputs, options: PipelineOptions = {}): ScoreResult {
  return analyse(inputs, options).result;
}
