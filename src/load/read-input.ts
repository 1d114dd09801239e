/**
 * Reading one input file (evidence, configuration, rubric, baseline) without
 * ever blocking: it is opened non-blocking and the open descriptor is
 * examined before a byte is read, so a FIFO, socket or device named `*.yaml`
 * (even one swapped in after the folder was listed) is refused, not waited
 * on. A file over the size limit is never read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';

/** The default size limit of every input (`max-file-bytes`): 1 MiB. */
export const DEFAULT_INPUT_LIMIT = 1024 * 1024;

export type ReadOutcome =
  | { kind: 'read'; bytes: Buffer; identity: string; links: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'gone' }
  | { kind: 'failed'; code: string };

/** Which kind of thing a path is, in words, when it is not a regular file. */
export function specialKind(
  stats: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>,
): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return undefined;
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function readInput(path: string, limit: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { kind: 'gone' };
    // Opening a socket fails with ENXIO; EISDIR is a folder swapped in.
    if (code === 'ENXIO') return { kind: 'not-a-file', what: 'a socket' };
    if (code === 'EISDIR') return { kind: 'not-a-file', what: 'a folder' };
    return { kind: 'failed', code };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'not-a-file', what: specialKind(stats) ?? 'not a file' };
    const { size } = stats;
    if (size > limit) return { kind: 'too-large', size };
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return {
      kind: 'read',
      bytes: done < size ? bytes.subarray(0, done) : bytes,
      identity: `${stats.dev}:${stats.ino}`,
      links: stats.nlink,
    };
  } catch (error) {
    return { kind: 'failed', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}

/** The reason an input could not be read, in words, or undefined when it was read. */
export function unreadReason(outcome: ReadOutcome, limit: number): string | undefined {
  switch (outcome.kind) {
    case 'read':
      return undefined;
    case 'too-large':
      return `it is ${outcome.size} bytes, over the ${limit}-byte limit`;
    case 'not-a-file':
      return `it is ${outcome.what}, not a file`;
    case 'gone':
      return 'it is no longer there (deleted or moved)';
    case 'failed':
      return `it cannot be read (${outcome.code}); check its permissions`;
  }
}
