/**
 * Step 2: read each evidence file found. Its bytes are read up to the size
 * limit, parsed (load/parse.ts), and its values and text checked for personal
 * data (validate/privacy-scan.ts). A file that cannot be read becomes a
 * diagnostic on that file; the others go on.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Config } from '../model/index.js';
import type { FoundFile } from './1-discover.js';
import { parseEvidenceFile } from '../load/parse.js';
import type { ParsedFile } from '../load/parse.js';
import { fileDiagnostic } from '../load/yaml-errors.js';
import { personalDataMessage } from '../validate/privacy.js';
import { findPersonalDataInParsedFile } from '../validate/privacy-scan.js';

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

export interface ReadOptions {
  /** Reads one file; tests replace it to simulate files that cannot be read. */
  readFile?: (path: string, limit: number) => Buffer | number;
}

/** Parses one file, and adds a diagnostic for each piece of personal data in it. */
export function readEvidenceFile(
  file: FoundFile,
  config: Config,
  options: ReadOptions = {},
): ParsedFile {
  const failed = (code: string, message: string): ParsedFile => ({
    file: file.display,
    docs: [],
    locator: { locate: () => ({ line: 1, column: 1 }) },
    itemPosition: () => ({ line: 1, column: 1 }),
    diagnostics: [fileDiagnostic(file.display, code, message)],
  });
  let read: Buffer | number;
  try {
    read = (options.readFile ?? readUpTo)(file.path, config.maxFileBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return failed('file/unreadable', `file cannot be read (${code}); check its permissions`);
  }
  if (typeof read === 'number') {
    return failed(
      'file/too-large',
      `file is ${read} bytes, over the ${config.maxFileBytes}-byte limit; split it into smaller files or raise "max-file-bytes"`,
    );
  }
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
