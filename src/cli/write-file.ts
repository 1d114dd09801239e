/**
 * Writing one report file so that nothing is lost:
 *
 * - A regular file (new or existing) is written to a temporary file beside
 *   it, every byte count checked, flushed to the disk (fsync), then renamed
 *   over it. Any failure (disk full, quota, an I/O error, a signal) removes
 *   the temporary file and leaves the previous report as it was.
 * - A replaced report keeps the previous file's permission bits; a new one
 *   gets the usual ones less the umask. A report the user may not write
 *   (read-only) is refused, as a plain write would be, not renamed over.
 * - A device or FIFO (`/dev/null`, a named pipe) is written to as a stream,
 *   never replaced; `/dev/stdout` is the command's own standard output. A
 *   folder or a socket is refused, and left as it is.
 * - A symbolic link is followed explicitly: the file it points to is the one
 *   written (and replaced as above), and the link stays a link. A link that
 *   points nowhere is refused.
 */
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { Writer } from './io.js';

/** The file-system calls a write makes; tests replace some to make a write fail part-way. */
export interface WriteFs {
  accessSync: typeof nodeFs.accessSync;
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  fchmodSync: typeof nodeFs.fchmodSync;
  closeSync: typeof nodeFs.closeSync;
  renameSync: typeof nodeFs.renameSync;
  rmSync: typeof nodeFs.rmSync;
}

const NODE_FS: WriteFs = {
  accessSync: nodeFs.accessSync,
  openSync: nodeFs.openSync,
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  fchmodSync: nodeFs.fchmodSync,
  closeSync: nodeFs.closeSync,
  renameSync: nodeFs.renameSync,
  rmSync: nodeFs.rmSync,
};

export interface WriteTargets {
  /** Where `/dev/stdout` and `/dev/stderr` go: the command's own writers. */
  stdout?: Writer;
  stderr?: Writer;
  fs?: Partial<WriteFs>;
}

/** What a path names, once any symbolic link is followed. */
export type Target =
  | { kind: 'file'; path: string; mode?: number }
  | { kind: 'stream'; path: string; what: string }
  | { kind: 'writer'; stream: 'stdout' | 'stderr' };

const OWN_STREAMS: Record<string, 'stdout' | 'stderr'> = {
  '/dev/stdout': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/1': 'stdout',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/1': 'stdout',
  '/proc/self/fd/2': 'stderr',
};

function kindOf(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return undefined;
}

function fail(path: string, reason: string, cause?: unknown): never {
  throw new FatalError(
    `cannot write ${path}: ${reason}`,
    [],
    cause === undefined ? undefined : { cause },
  );
}

/** Decides how `path` is written, following a symbolic link explicitly. */
export function resolveTarget(path: string): Target {
  const own = OWN_STREAMS[resolve(path)];
  if (own) return { kind: 'writer', stream: own };
  let stats: Stats;
  try {
    stats = nodeFs.lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'file', path };
    return fail(path, `it cannot be examined (${code ?? 'error'})`, error);
  }
  let real = path;
  if (stats.isSymbolicLink()) {
    try {
      real = nodeFs.realpathSync.native(path);
      stats = nodeFs.statSync(real);
    } catch (error) {
      return fail(
        path,
        `it is a symbolic link that points nowhere (${(error as NodeJS.ErrnoException).code ?? 'error'}); remove the link or give another file`,
        error,
      );
    }
    const ownReal = OWN_STREAMS[real];
    if (ownReal) return { kind: 'writer', stream: ownReal };
  }
  if (stats.isDirectory()) return fail(path, 'it is a folder; give a file name inside it');
  if (stats.isSocket())
    return fail(path, 'it is a socket, which cannot be written as a file; give a file name');
  const what = kindOf(stats);
  if (what) return { kind: 'stream', path: real, what };
  return { kind: 'file', path: real, mode: stats.mode & 0o7777 };
}

/** Writes every byte of `buffer`, or throws: a short write that makes no progress is a full disk. */
function writeAll(fs: WriteFs, fd: number, buffer: Uint8Array): void {
  let done = 0;
  let stalled = 0;
  while (done < buffer.length) {
    let n: number;
    try {
      n = fs.writeSync(fd, buffer, done, buffer.length - done);
    } catch (error) {
      // A non-blocking FIFO whose reader is slow: wait a moment and go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || ++stalled > 100_000) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      continue;
    }
    if (!Number.isInteger(n) || n <= 0 || n > buffer.length - done) {
      throw Object.assign(new Error(`wrote ${String(n)} of ${buffer.length - done} bytes`), {
        code: 'ENOSPC',
      });
    }
    stalled = 0;
    done += n;
  }
}

function pieces(text: string | Iterable<string>): Iterable<string> {
  return typeof text === 'string' ? [text] : text;
}

/** Temporary files not yet renamed or removed: removed if a signal or an exit comes first. */
const pending = new Set<string>();
let guarded = false;

function removePending(): void {
  for (const path of pending) {
    try {
      nodeFs.rmSync(path, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  pending.clear();
}

/**
 * On SIGINT, SIGTERM or SIGHUP the temporary files are removed and the signal
 * is raised again, so the process still ends the way the signal asks.
 * (SIGKILL cannot be caught: a temporary `.NAME.PID.tmp` file may then remain.)
 */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals): void => {
    removePending();
    for (const s of signals) process.removeListener(s, handler);
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, handler);
  process.on('exit', removePending);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  if (code === 'EDQUOT') return 'the disk quota is used up (EDQUOT)';
  if (code === 'EIO') return 'an input/output error (EIO)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return code ?? (error as Error).message;
}

/** Replaces a regular file all at once; on any failure the previous file is untouched. */
function replaceFile(
  shown: string,
  target: { path: string; mode?: number },
  text: string | Iterable<string>,
  fs: WriteFs,
): void {
  const dir = dirname(target.path);
  const temporary = join(dir, `.${basename(target.path)}.${process.pid}.tmp`);
  if (target.mode !== undefined) {
    // Renaming over a file needs only the folder's permission: ask the file's
    // own, so a report someone made read-only is not replaced behind their back.
    try {
      fs.accessSync(target.path, constants.W_OK);
    } catch (error) {
      return fail(
        shown,
        `${describe(error)}: it is read-only; make it writable (chmod u+w) or remove it first`,
        error,
      );
    }
  }
  guardSignals();
  let fd: number | undefined;
  pending.add(temporary);
  try {
    // A replaced report's temporary file is private until it takes the old
    // file's bits; a new report's honours the umask from the start.
    fd = fs.openSync(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      target.mode === undefined ? 0o666 : 0o600,
    );
    for (const piece of pieces(text)) writeAll(fs, fd, Buffer.from(piece, 'utf8'));
    if (target.mode !== undefined) fs.fchmodSync(fd, target.mode);
    fs.fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    fs.closeSync(closing);
    fs.renameSync(temporary, target.path);
    pending.delete(temporary);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // The close failing changes nothing: the temporary file is removed next.
      }
    }
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Left for the exit handler.
    }
    if (!nodeFs.existsSync(temporary)) pending.delete(temporary);
    return fail(shown, `${describe(error)}; the previous file, if any, is unchanged`, error);
  }
  syncFolder(dir);
}

/** Makes the rename itself durable; some systems cannot open a folder, which is harmless. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // Best effort.
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}

/** Writes to a device, FIFO or socket as a stream, never replacing it. */
function writeStream(
  shown: string,
  target: { path: string; what: string },
  text: string | Iterable<string>,
  fs: WriteFs,
): void {
  let fd: number;
  try {
    // Non-blocking, so a FIFO nobody reads from is an error, not a hang.
    fd = fs.openSync(target.path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENXIO')
      return fail(shown, `it is ${target.what} and nothing is reading from it`, error);
    return fail(shown, describe(error), error);
  }
  try {
    for (const piece of pieces(text)) writeAll(fs, fd, Buffer.from(piece, 'utf8'));
  } catch (error) {
    return fail(shown, describe(error), error);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes one report to `path` as described at the top of this file. Throws a
 * FatalError (exit status 2) naming the path and the reason when it cannot.
 */
export function writeFileSafely(
  path: string,
  text: string | Iterable<string>,
  targets: WriteTargets = {},
): void {
  const fs = { ...NODE_FS, ...targets.fs };
  const target = resolveTarget(path);
  if (target.kind === 'writer') {
    const writer = targets[target.stream];
    if (writer) {
      for (const piece of pieces(text)) writer.write(piece);
      return;
    }
    writeStream(path, { path, what: 'a stream' }, text, fs);
  } else if (target.kind === 'stream') writeStream(path, target, text, fs);
  else replaceFile(path, target, text, fs);
}
