// Writing reports: nothing half-written, nothing replaced that is not a file,
// permissions kept, and never a report inside the evidence folder.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FatalError } from '../../src/base/errors.js';
import { isInsideFolder } from '../../src/cli/output.js';
import { writeFileSafely } from '../../src/cli/write-file.js';
import type { WriteFs } from '../../src/cli/write-file.js';
import { evidenceYaml, runCli, tempRepo } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function folder(files: Record<string, string> = {}): string {
  const repo = tempRepo(files);
  cleanups.push(repo.cleanup);
  return repo.dir;
}

/** A writeSync that writes the first `budget` bytes, then fails as a full disk would. */
function fillingDisk(budget: number, how: 'throw' | 'zero'): Partial<WriteFs> {
  let left = budget;
  return {
    writeSync(fd, buffer, offset, length) {
      if (left <= 0) {
        if (how === 'zero') return 0;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      const n = Math.min(left, length);
      left -= n;
      return writeSync(fd, buffer, offset, n);
    },
  };
}
function errorOf(fn: () => void): FatalError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FatalError);
    return error as FatalError;
  }
  throw new Error('expected the write to fail');
}

describe('a write that fails part-way', () => {
  it.each([
    ['throws ENOSPC', fillingDisk(10, 'throw'), /disk is full/],
    ['writes 0 bytes', fillingDisk(10, 'zero'), /disk is full/],
    [
      'fails to fsync (EIO)',
      {
        fsyncSync: () => {
          throw Object.assign(new Error('i/o'), { code: 'EIO' });
        },
      },
      /input\/output error/,
    ],
    [
      'runs out of quota on rename',
      {
        renameSync: () => {
          throw Object.assign(new Error('quota'), { code: 'EDQUOT' });
        },
      },
      /quota/,
    ],
    [
      'is told a write wrote more than asked',
      { writeSync: (_fd: number, _b: Uint8Array, _o: number, length: number) => length + 1 },
      /disk is full/,
    ],
  ] as [string, Partial<WriteFs>, RegExp][])(
    'leaves the previous report untouched when the disk %s',
    (_name, fs, message) => {
      const dir = folder({ 'report.json': 'previous report\n' });
      const path = join(dir, 'report.json');
      const error = errorOf(() =>
        writeFileSafely(path, ['{"a": 1,', ' "b": 2}', '\n'.repeat(5000)], { fs }),
      );
      expect(error.message).toMatch(message);
      expect(error.message).toContain('previous file, if any, is unchanged');
      expect(readFileSync(path, 'utf8')).toBe('previous report\n');
      expect(readdirSync(dir)).toEqual(['report.json']);
    },
  );

  it('leaves no file at all when there was none before', () => {
    const dir = folder();
    errorOf(() =>
      writeFileSafely(join(dir, 'new.md'), 'x'.repeat(100), { fs: fillingDisk(3, 'throw') }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 from the command line on a full device, naming it', async () => {
    const dir = folder({ 'a.yaml': evidenceYaml() });
    const run = await runCli([dir, '--format', 'json', '--output', '/dev/full']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write \/dev\/full: the disk is full/);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('removes its temporary file when a signal arrives mid-write, and still ends by that signal', () => {
    const dir = folder({ 'report.txt': 'previous\n' });
    const script = `
      import { writeFileSafely } from ${JSON.stringify(join(process.cwd(), 'dist/cli/write-file.js'))};
      function* pieces() {
        yield 'first piece\\n';
        process.kill(process.pid, 'SIGTERM');
        for (let i = 0; i < 2000; i++) yield 'more\\n';
      }
      writeFileSafely(${JSON.stringify(join(dir, 'report.txt'))}, pieces());
      setTimeout(() => {}, 5000);
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual(['report.txt']);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    // Either the whole new report or the previous one, never a part.
    expect(['previous\n', `first piece\n${'more\n'.repeat(2000)}`]).toContain(text);
  });
  it('removes the temporary file when the signal handler runs mid-write', () => {
    const dir = folder({ 'report.txt': 'previous\n' });
    // The handler runs between two pieces, as it would if a write yielded to the event loop.
    const script = `
      import { readdirSync } from 'node:fs';
      import { writeFileSafely } from ${JSON.stringify(join(process.cwd(), 'dist/cli/write-file.js'))};
      function* pieces() {
        yield 'first piece\\n';
        process.stderr.write(readdirSync(${JSON.stringify(dir)}).sort().join(',') + '\\n');
        process.emit('SIGINT', 'SIGINT');
        yield 'never written\\n';
      }
      writeFileSafely(${JSON.stringify(join(dir, 'report.txt'))}, pieces());
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stderr).toMatch(/^\.report\.txt\.\d+\.tmp,report\.txt$/m);
    expect(child.signal).toBe('SIGINT');
    expect(readdirSync(dir)).toEqual(['report.txt']);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('previous\n');
  });
});

describe('permissions', () => {
  it('refuses to replace a report the user may not write, leaving it as it was', () => {
    const dir = folder({ 'report.md': 'old' });
    const path = join(dir, 'report.md');
    chmodSync(path, 0o444);
    // Root may write any file, so the permission check is answered as for another user.
    const accessSync = (): void => {
      throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    };
    const error = errorOf(() => writeFileSafely(path, 'new', { fs: { accessSync } }));
    expect(error.message).toMatch(/permission denied \(EACCES\): it is read-only/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it.each([
    ['077', 0o600],
    ['022', 0o644],
    ['027', 0o640],
  ])('gives a new report the bits the umask %s allows', (umask, mode) => {
    const dir = folder({ 'ev/a.yaml': evidenceYaml() });
    const out = join(dir, 'report.md');
    execFileSync(
      'sh',
      [
        '-c',
        `umask ${umask}; "${process.execPath}" bin/cqc-score.js "${join(dir, 'ev')}" --format markdown --output "${out}"; true`,
      ],
      { stdio: 'ignore' },
    );
    expect(statSync(out).mode & 0o777).toBe(mode);
  });
});

describe('what --output may name', () => {
  it('writes to /dev/null as a stream and leaves it a device', async () => {
    const dir = folder({ 'a.yaml': evidenceYaml() });
    const run = await runCli([dir, '--format', 'json', '--output', '/dev/null']);
    expect(run.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('sends /dev/stdout to standard output', async () => {
    const dir = folder({ 'a.yaml': evidenceYaml() });
    const run = await runCli([dir, '--format', 'json', '--output', '/dev/stdout']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
  });

  it('writes into a FIFO that is being read, and leaves it a FIFO', () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      writeFileSafely(fifo, 'through the pipe\n');
      const buffer = Buffer.alloc(100);
      const n = readSync(reader, buffer, 0, 100, null);
      expect(buffer.subarray(0, n).toString()).toBe('through the pipe\n');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a FIFO nobody reads rather than waiting for ever', async () => {
    const dir = folder({ 'ev/a.yaml': evidenceYaml() });
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli([join(dir, 'ev'), '--format', 'json', '--output', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/FIFO \(named pipe\) and nothing is reading from it/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a socket and a folder, leaving them as they are', async () => {
    const dir = folder({ 'ev/a.yaml': evidenceYaml() });
    const socket = join(dir, 'report.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      const run = await runCli([join(dir, 'ev'), '--format', 'json', '--output', socket]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/it is a socket/);
      expect(lstatSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
    mkdirSync(join(dir, 'out'));
    const run = await runCli([join(dir, 'ev'), '--format', 'json', '--output', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/it is a folder/);
    expect(lstatSync(join(dir, 'out')).isDirectory()).toBe(true);
  });

  it('follows a symbolic link explicitly: the file it points to is replaced, the link stays', () => {
    const dir = folder({ 'reports/latest.md': 'old' });
    const target = join(dir, 'reports/latest.md');
    chmodSync(target, 0o600);
    symlinkSync(target, join(dir, 'report.md'));
    writeFileSafely(join(dir, 'report.md'), 'new');
    expect(lstatSync(join(dir, 'report.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['latest.md']);
  });

  it('refuses a symbolic link that points nowhere', () => {
    const dir = folder();
    symlinkSync(join(dir, 'missing.md'), join(dir, 'report.md'));
    expect(errorOf(() => writeFileSafely(join(dir, 'report.md'), 'x')).message).toMatch(
      /symbolic link that points nowhere/,
    );
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});

describe('never a report inside the evidence folder', () => {
  it.each([
    ['a plain path', (_root: string, ev: string) => join(ev, 'report.yaml')],
    ['a path through ..', (_root: string, ev: string) => join(ev, 'sub', '..', 'report.yml')],
    [
      'a path that leaves and comes back',
      (_root: string, ev: string) => join(ev, '..', 'ev', 'sub', 'new', 'r.yaml'),
    ],
    [
      'a linked folder',
      (root: string, ev: string) => {
        symlinkSync(ev, join(root, 'alias'));
        return join(root, 'alias', 'report.yaml');
      },
    ],
    [
      'a link to a file in it',
      (root: string, ev: string) => {
        symlinkSync(join(ev, 'sub', 'b.yaml'), join(root, 'report.json'));
        return join(root, 'report.json');
      },
    ],
    // `..` after a link is the link's target's parent, as the system follows it, not the link's folder.
    [
      'a link, then "..", onto an evidence file',
      (root: string) => {
        mkdirSync(join(root, 'out'));
        symlinkSync(join(root, 'ev', 'sub'), join(root, 'out', 'link'));
        return `${root}/out/link/../a.yaml`;
      },
    ],
    [
      'a link, then "..", to a new file',
      (root: string) => {
        mkdirSync(join(root, 'out'));
        symlinkSync(join(root, 'ev', 'sub'), join(root, 'out', 'link'));
        return `${root}/out/link/../report.yaml`;
      },
    ],
    [
      'a link to the folder, then "..", then the folder again',
      (root: string, ev: string) => {
        mkdirSync(join(root, 'out'));
        symlinkSync(ev, join(root, 'out', 'evl'));
        return `${root}/out/evl/../ev/report.yaml`;
      },
    ],
  ])('refuses %s', async (_name, make) => {
    const root = folder({ 'ev/a.yaml': evidenceYaml(), 'ev/sub/b.yaml': evidenceYaml() });
    const ev = join(root, 'ev');
    const before = readFileSync(join(ev, 'sub', 'b.yaml'), 'utf8');
    const output = make(root, ev);
    const run = await runCli([ev, '--format', 'json', '--output', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/inside the evidence folder/);
    expect(readFileSync(join(ev, 'sub', 'b.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(ev, 'a.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(ev).sort()).toEqual(['a.yaml', 'sub']);
  });

  it.each([
    ['the evidence file itself, named as the input', (ev: string) => [join(ev, 'a.yaml')]],
    ['the folder of a file named as the input', (ev: string) => [join(ev, 'sub', 'b.yaml')]],
    ['the folder a glob reads', (ev: string) => [`${ev}/**/*.yaml`]],
  ])('refuses to write into %s', async (_name, inputs) => {
    const root = folder({ 'ev/a.yaml': evidenceYaml(), 'ev/sub/b.yaml': evidenceYaml() });
    const ev = join(root, 'ev');
    const before = readFileSync(join(ev, 'a.yaml'), 'utf8');
    const [input] = inputs(ev) as [string];
    const output = input.endsWith('b.yaml') ? join(ev, 'sub', 'report.yaml') : join(ev, 'a.yaml');
    const run = await runCli([input, '--format', 'json', '--output', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/inside the evidence folder/);
    expect(readFileSync(join(ev, 'a.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(ev, 'sub'))).toEqual(['b.yaml']);
  });

  it('allows a report beside the folder and a non-YAML report inside it', async () => {
    const root = folder({ 'ev/a.yaml': evidenceYaml() });
    const ev = join(root, 'ev');
    expect(isInsideFolder(ev, join(root, 'ev-report.yaml'))).toBe(false);
    expect(isInsideFolder(ev, join(ev, 'deep', 'er', 'x.yaml'))).toBe(true);
    const run = await runCli([ev, '--format', 'markdown', '--output', join(ev, 'summary.md')]);
    expect(run.code).toBe(0);
  });
});
