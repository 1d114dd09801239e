/**
 * Step 2: read each evidence file found. Its bytes are read up to the size
 * limit, parsed (load/parse.ts), and its values and text checked for personal
 * data (validate/privacy-scan.ts). A file that cannot be read becomes a
 * diagnostic on that file; the others go on.
 */
import type { Config } from '../model/index.js';
import type { FoundFile } from './1-discover.js';
import { NOTHING_READ, parseEvidenceFile, unread } from '../load/parse.js';
import type { ParsedFile } from '../load/parse.js';
import { fileDiagnostic } from '../load/yaml-errors.js';
import { readInput } from '../load/read-input.js';
import type { ReadOutcome } from '../load/read-input.js';
import { personalDataMessage } from '../validate/privacy.js';
import { findPersonalDataInParsedFile } from '../validate/privacy-scan.js';

export interface ReadOptions {
  /** Reads one file; tests replace it to simulate files that cannot be read. */
  readFile?: (path: string, limit: number) => Buffer | number;
}

/** A test's replacement reader, seen as readInput's outcomes. */
function injectedRead(
  readFile: NonNullable<ReadOptions['readFile']>,
  path: string,
  limit: number,
): ReadOutcome {
  try {
    const read = readFile(path, limit);
    if (typeof read === 'number') return { kind: 'too-large', size: read };
    return { kind: 'read', bytes: read, identity: '', links: 1 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? { kind: 'gone' } : { kind: 'failed', code };
  }
}

/** Parses one file, and adds a diagnostic for each piece of personal data in it. */
export function readEvidenceFile(
  file: FoundFile,
  config: Config,
  options: ReadOptions = {},
  seen?: Map<string, string>,
): ParsedFile {
  // A file skipped with a warning holds no evidence of its own; one that fails holds some unread.
  const failed = (code: string, message: string, severity?: 'warn'): ParsedFile =>
    unread(
      file.display,
      [fileDiagnostic(file.display, code, message, undefined, severity)],
      undefined,
      severity === 'warn' ? null : NOTHING_READ,
    );
  const outcome: ReadOutcome =
    file.content !== undefined
      ? file.content.length > config.maxFileBytes
        ? { kind: 'too-large', size: file.content.length }
        : { kind: 'read', bytes: file.content, identity: '', links: 1 }
      : options.readFile
        ? injectedRead(options.readFile, file.path, config.maxFileBytes)
        : readInput(file.path, config.maxFileBytes);
  switch (outcome.kind) {
    case 'gone':
      return failed(
        'file/unreadable',
        'file is no longer there: it was deleted or moved while the run was reading; run again',
      );
    case 'failed':
      return failed(
        'file/unreadable',
        `file cannot be read (${outcome.code}); check its permissions`,
      );
    case 'not-a-file':
      return failed(
        'file/not-a-file',
        `this is ${outcome.what}, not a file; skipped (remove it or rename it so it does not end in .yaml)`,
        'warn',
      );
    case 'too-large':
      return failed(
        'file/too-large',
        `file is ${outcome.size} bytes, over the ${config.maxFileBytes}-byte limit; split it into smaller files or raise "max-file-bytes"`,
      );
    case 'read':
      break;
  }
  // A file reached through several links (hard or symbolic) is read once, under its first path.
  if (outcome.identity !== '' && seen) {
    const first = seen.get(outcome.identity);
    if (first !== undefined)
      return failed(
        'file/same-file',
        `this is the same file as ${first}, reached through another link; read once`,
        'warn',
      );
    seen.set(outcome.identity, file.display);
  }
  const read = outcome.bytes;
  const parsed = parseEvidenceFile(file.display, read);
  if (config.privacy !== 'off' && parsed.text !== undefined) {
    for (const hit of findPersonalDataInParsedFile(parsed, config.privacyAllow)) {
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
