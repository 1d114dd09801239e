/**
 * The per-file half of a run: read, parse, check for personal data, validate,
 * and judge each item against its statements' rules. Files are independent,
 * so a large repository is split into batches that run on several threads
 * (see parallel.ts); a small one is a single chunk on the main thread.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Config, Diagnostic, EvidenceItem } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { parseEvidenceFile } from './load/parse.js';
import type { ParsedFile, ParseOptions } from './load/parse.js';
import { evidenceValidator, NO_METRICS, NO_TAGS } from './validate/evidence.js';
import type { IdUse } from './validate/evidence.js';
import { findPersonalDataInFile, personalDataMessage } from './validate/privacy.js';
import { ItemText, judgeItem } from './score/judge.js';
import { findingSources } from './score/statement.js';
import type { Verdict } from './score/judge.js';
import type { RuleSet } from './score/rubrics.js';
import { ownCopy } from './intern.js';
import type { Interner } from './intern.js';

export interface ChunkOptions extends ParseOptions {
  /** Called after each file: a worker's heartbeat. */
  onProgress?: () => void;
  /** Keep every fired rule of every verdict (for explain), not only those findings come from. */
  keepAllFired?: boolean;
  /** Reads one file; tests replace it to simulate files that cannot be read. */
  readFile?: (path: string) => Buffer;
  /** Shares repeated words between the chunks a thread keeps (workers send theirs on instead). */
  interner?: Interner;
}

export interface ChunkResult {
  items: EvidenceItem[];
  diagnostics: Diagnostic[];
  ids: IdUse[];
  /** For each item, its verdict for each of its statements, in `item.statements` order. */
  verdicts: Verdict[][];
}

/** A file's bytes, or its size when it is over the limit (so a huge file is never read). */
function readUpTo(path: string, limit: number): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > limit) return size;
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return done < size ? bytes.subarray(0, done) : bytes;
  } finally {
    closeSync(fd);
  }
}

function readInjected(
  path: string,
  limit: number,
  readFile: (path: string) => Buffer,
): Buffer | number {
  const { size } = statSync(path);
  return size > limit ? size : readFile(path);
}

function readOne(file: FoundFile, config: Config, options: ChunkOptions): ParsedFile {
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
    const read = options.readFile
      ? readInjected(file.path, config.maxFileBytes, options.readFile)
      : readUpTo(file.path, config.maxFileBytes);
    if (typeof read === 'number') {
      return failed(
        'file/too-large',
        `file is ${read} bytes, over the ${config.maxFileBytes}-byte limit; split it into smaller files or raise "max-file-bytes"`,
      );
    }
    bytes = read;
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

export function processChunk(
  files: readonly FoundFile[],
  config: Config,
  rules: RuleSet,
  options: ChunkOptions = {},
): ChunkResult {
  const validator = evidenceValidator(config);
  const { interner } = options;
  const verdicts: Verdict[][] = [];
  let judged = 0;
  for (const file of files) {
    validator.add(readOne(file, config, options));
    // Judge a file's items as soon as it is read, so its text can go at once:
    // a large repository is never held in memory whole.
    const { items } = validator.result();
    for (; judged < items.length; judged++) {
      const item = items[judged] as EvidenceItem;
      const text = new ItemText(item);
      verdicts.push(
        item.statements.map((statement) => {
          const verdict = judgeItem(item, rules.forStatement(statement), text);
          if (options.keepAllFired) return verdict;
          // Kept until the report is written: only what findings need, repeated values shared.
          const fired = findingSources(verdict);
          const { total, basis } = verdict;
          if (!interner) return { item, fired, total, basis };
          return {
            item,
            fired: fired.map(({ rule, outcome, contribution }) =>
              interner.fired(rule, outcome.weight, outcome.words, contribution),
            ),
            total,
            basis: basis && interner.basis(basis),
          };
        }),
      );
      if (!options.keepAllFired) release(item);
    }
    options.onProgress?.();
  }
  const { items, diagnostics, ids } = validator.result();
  return { items, diagnostics, ids, verdicts };
}

/**
 * Lets go of what only judging reads (the summary, tags and metrics),
 * and copies the strings kept: a string cut out of a file's text would
 * otherwise keep the whole text alive.
 */
function release(item: EvidenceItem): void {
  item.summary = '';
  item.tags = NO_TAGS;
  item.metrics = NO_METRICS;
  item.key = '';
  item.title = ownCopy(item.title);
  if (item.source !== undefined) item.source = ownCopy(item.source);
  if (item.reference !== undefined) item.reference = ownCopy(item.reference);
}
