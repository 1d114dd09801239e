// Reading hostile inputs: nothing blocks, nothing is read twice, nothing
// crashes, and every refusal says what happened.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInput } from '../../src/load/read-input.js';
import { parseEvidenceFile } from '../../src/load/parse.js';
import { run } from '../../src/run/index.js';
import { catastrophicBacktracking } from '../../src/score/regex-safety.js';
import { LA_CONFIG, evidenceYaml, runCli, tempRepo } from '../helpers.js';
import type { CliRun } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function repo(files: Record<string, string | Buffer>): string {
  const made = tempRepo({ 'cqc-score.yaml': LA_CONFIG, ...files });
  cleanups.push(made.cleanup);
  return made.dir;
}

async function listen(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(path, done));
  cleanups.push(() => server.close());
  return server;
}

const codes = (dir: string, options = {}): string[] =>
  run(dir, options).diagnostics.map((d) => `${d.file.split('/').pop()} ${d.code} ${d.message}`);

describe('files that are not files', () => {
  it('skips a FIFO and a socket named *.yaml with a diagnostic, and reads the rest', async () => {
    const dir = repo({ 'a.yaml': evidenceYaml() });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    await listen(join(dir, 'socket.yaml'));
    const result = run(dir);
    expect(result.items).toBe(1);
    expect(codes(dir)).toEqual([
      expect.stringMatching(
        /^pipe\.yaml file\/not-a-file this is a FIFO \(named pipe\), not a file; skipped/,
      ),
      expect.stringMatching(/^socket\.yaml file\/not-a-file this is a socket, not a file; skipped/),
    ]);
    expect(result.diagnostics.every((d) => d.severity === 'warn')).toBe(true);
  });

  it('skips a FIFO swapped in after the folder was listed, without waiting for a writer', () => {
    const dir = repo({ 'a.yaml': evidenceYaml(), 'b.yaml': evidenceYaml('safeguarding') });
    const result = run(dir, {
      // Runs after discovery, before any file is read.
      reorder: (files) => {
        unlinkSync(join(dir, 'b.yaml'));
        execFileSync('mkfifo', [join(dir, 'b.yaml')]);
        return files;
      },
    });
    expect(result.items).toBe(1);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['file/not-a-file', expect.stringMatching(/FIFO/)],
    ]);
  });

  it('reads a device as nothing: it is refused before a byte is read', () => {
    expect(readInput('/dev/zero', 100)).toEqual({ kind: 'not-a-file', what: 'a device' });
    expect(readInput('/dev/null', 100)).toEqual({ kind: 'not-a-file', what: 'a device' });
  });

  it('says a file deleted during the run is no longer there', () => {
    const dir = repo({ 'a.yaml': evidenceYaml(), 'b.yaml': evidenceYaml('safeguarding') });
    const result = run(dir, {
      reorder: (files) => {
        rmSync(join(dir, 'a.yaml'));
        return files;
      },
    });
    expect(result.items).toBe(1);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /file is no longer there: it was deleted or moved while the run was reading/,
      ),
    ]);
  });
});

describe('a file reached through several links', () => {
  it('is read once, under its first path, whether hard or symbolic links lead to it', () => {
    const dir = repo({ 'a.yaml': evidenceYaml() });
    linkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'sub', 'c.yaml'));
    const result = run(dir);
    expect(result.items).toBe(1);
    expect(result.statements.find((s) => s.id === 'assessing-needs')?.items).toHaveLength(1);
    expect(codes(dir)).toEqual([
      expect.stringMatching(
        /^b\.yaml file\/same-file this is the same file as .*a\.yaml, reached through another link; read once/,
      ),
      expect.stringMatching(/^c\.yaml file\/same-file this is the same file as .*a\.yaml/),
    ]);
  });
});

describe('other inputs get the same treatment', () => {
  it.each([
    [
      '--config',
      (dir: string) => ['--config', join(dir, 'pipe.yaml')],
      /FIFO \(named pipe\), not a file/,
    ],
    [
      '--baseline',
      (dir: string) => ['--baseline', join(dir, 'pipe.yaml')],
      /FIFO \(named pipe\), not a file/,
    ],
    [
      '--rubrics',
      (dir: string) => ['--rubrics', join(dir, 'pipe.yaml')],
      /FIFO \(named pipe\), not a file/,
    ],
  ])('a FIFO given to %s is refused, exit 2, without blocking', async (_flag, args, message) => {
    const dir = repo({ 'ev/a.yaml': evidenceYaml() });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const result = await runCli([join(dir, 'ev'), ...args(dir)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reads a FIFO named .gitignore as no rules, without blocking', () => {
    const dir = repo({ 'a.yaml': evidenceYaml() });
    execFileSync('mkfifo', [join(dir, '.gitignore')]);
    expect(run(dir, { gitignore: true }).items).toBe(1);
  });

  it('holds --config and --rubrics files to the size limit', async () => {
    const padding = `# ${'x'.repeat(3000)}\n`;
    const dir = repo({
      'ev/a.yaml': evidenceYaml(),
      'big-config.yaml': `${padding}framework: local-authority\n`,
      'rules/big.yaml': `${padding}statement: assessing-needs\nrules: []\n`,
    });
    const config = await runCli([
      join(dir, 'ev'),
      '--max-file-bytes',
      '2000',
      '--config',
      join(dir, 'big-config.yaml'),
    ]);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(
      /big-config\.yaml: cannot read configuration file: it is 30\d\d bytes, over the 2000-byte limit/,
    );
    const rubric = await runCli([
      join(dir, 'ev'),
      '--max-file-bytes',
      '2000',
      '--rubrics',
      join(dir, 'rules'),
    ]);
    expect(rubric.code).toBe(2);
    expect(rubric.stderr).toMatch(
      /big\.yaml: cannot read rubric: it is 30\d\d bytes, over the 2000-byte limit/,
    );
  });

  it('holds a --baseline result to the same size limit', async () => {
    const dir = repo({ 'ev/a.yaml': evidenceYaml() });
    const first = await runCli([join(dir, 'ev'), '--format', 'json']);
    const previous = join(dir, 'previous.json');
    writeFileSync(previous, first.stdout);
    const size = Buffer.byteLength(first.stdout);
    const under = await runCli([
      join(dir, 'ev'),
      '--max-file-bytes',
      String(size),
      '--baseline',
      previous,
    ]);
    expect(under.code).toBe(0);
    const over = await runCli([
      join(dir, 'ev'),
      '--max-file-bytes',
      String(size - 1),
      '--baseline',
      previous,
    ]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain(
      `cannot read the --baseline result: it is ${size} bytes, over the ${size - 1}-byte limit; raise --max-file-bytes if it should be read`,
    );
  });

  it('calls a link loop in a rubric folder a loop', async () => {
    const dir = repo({
      'ev/a.yaml': evidenceYaml(),
      'rules/inner/r.yaml': 'statement: assessing-needs\nrules: []\n',
    });
    symlinkSync(join(dir, 'rules'), join(dir, 'rules', 'inner', 'back'));
    const result = await runCli([join(dir, 'ev'), '--rubrics', join(dir, 'rules')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /back is a link loop: it leads back to .*rules, a folder it is in/,
    );
    symlinkSync('self.yaml', join(dir, 'rules', 'self.yaml'));
    rmSync(join(dir, 'rules', 'inner', 'back'));
    const self = await runCli([join(dir, 'ev'), '--rubrics', join(dir, 'rules')]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/self\.yaml is a link loop/);
  });

  it.each([
    [
      '--rubrics',
      (path: string) => ['fixtures/seed-learning', '--rubrics', path],
      'rubric folder ',
    ],
    [
      '--config',
      (path: string) => ['fixtures/seed-learning', '--config', path],
      'configuration file ',
    ],
    ['an evidence path', (path: string) => [path], ''],
  ])('names a link loop or a link to nothing given as %s', async (_name, argv, what) => {
    const dir = repo({});
    symlinkSync('loop', join(dir, 'loop'));
    symlinkSync('nowhere', join(dir, 'dangling'));
    const loop = await runCli(argv(join(dir, 'loop')));
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain(`${what}${join(dir, 'loop')} is a link loop`);
    const dangling = await runCli(argv(join(dir, 'dangling')));
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(
      `${what}${join(dir, 'dangling')} is a link to something that does not exist`,
    );
  });
});

describe('rubric patterns that could hang a run', () => {
  it.each([
    ['^(a+)+$', /nested quantifiers/],
    ['(\\w+\\s?)*$', /nested quantifiers/],
    ['(.*a){20}', /nested quantifiers/],
    ['(x+x+)+y', /nested quantifiers/],
    ['(a|aa)+$', /alternatives that can match the same text/],
    ['(a|a)*b', /alternatives that can match the same text/],
    ['(\\w|\\d)+$', /alternatives that can match the same text/],
    ['(?:A|a)+$', /alternatives that can match the same text/],
    // An optional piece that can match what follows it: about two minutes on 29 characters.
    ['^(a?a?)+$', /split the same text two ways/],
    ['^(a?a)+$', /split the same text two ways/],
    ['^(?:a?b?)+$', /split the same text two ways/],
    ['^(a?){25}a{25}$', /split the same text two ways/],
  ])('refuses %s', (pattern, why) => {
    expect(catastrophicBacktracking(pattern)).toMatch(why);
  });

  it.each([
    '(?:ab|cd)+',
    '(?:\\s+\\w+){0,4}',
    '\\bwait(?:ed|ing)?\\b[^.;]{0,30}?\\bmonths\\b',
    '(?:a|b)*c',
    '(?:[a-z]\\.?)+$',
    '(?:\\w\\s?)+$',
    '(?:ab?)+',
    '(?:a?b){3}',
  ])('accepts %s', (pattern) => expect(catastrophicBacktracking(pattern)).toBeUndefined());

  it('stops the run when a rubric loads, pointing at the pattern with rubric/unsafe-pattern', async () => {
    const dir = repo({
      'ev/a.yaml': evidenceYaml(),
      'rules/house.yaml': [
        'statement: assessing-needs',
        'rules:',
        '  - id: house/slow',
        '    finding: F',
        '    effect: strength',
        '    when:',
        '      text:',
        '        patterns:',
        '          - fine',
        "          - '(\\w+\\s?)*$'",
        '',
      ].join('\n'),
    });
    const started = Date.now();
    const result = await runCli([join(dir, 'ev'), '--rubrics', join(dir, 'rules')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /house\.yaml:10:13 error rubric\/unsafe-pattern {2}rule "house\/slow": pattern "\(\\\\w\+\\\\s\?\)\*\$" could make a run hang/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('clear messages', () => {
  /** The conversion advice, exactly: iconv reads a byte order mark, but must be told the order without one. */
  const iconvAdvice = (from: string): string =>
    `or: iconv -f ${from} -t UTF-8 FILE > FILE.utf8 and rename it back)`;

  it.each([
    [
      'little-endian with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('statement: x\n', 'utf16le')]),
      'LE',
      'UTF-16',
    ],
    [
      'big-endian with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('statement: x\n', 'utf16le')]).swap16(),
      'BE',
      'UTF-16',
    ],
    ['little-endian without one', Buffer.from('statement: x\n', 'utf16le'), 'LE', 'UTF-16LE'],
    ['big-endian without one', Buffer.from('statement: x\n', 'utf16le').swap16(), 'BE', 'UTF-16BE'],
  ])('names UTF-16 (%s) and says how to convert', (_name, bytes, order, from) => {
    const [d] = parseEvidenceFile('a.yaml', bytes).diagnostics;
    expect(d?.code).toBe('file/encoding');
    expect(d?.message).toContain(`file is UTF-16 (${order}) text, not UTF-8`);
    expect(d?.message).toContain(iconvAdvice(from));
  });

  /** Text as UTF-16 LE with a byte order mark, as `iconv -t UTF-16` and Windows editors write it. */
  const utf16 = (text: string): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const UTF16_LE_ADVICE =
    'file/encoding  file is UTF-16 (LE) text, not UTF-8; save it as UTF-8 (in your editor\'s "Save as" encoding choice, or: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8 and rename it back)';

  it.each([
    ['a configuration file found in the folder', { 'ev/cqc-score.yaml': utf16(LA_CONFIG) }, []],
    ['--config', { 'c.yaml': utf16(LA_CONFIG) }, ['--config', 'c.yaml']],
    [
      '--rubrics',
      { 'rules/r.yaml': utf16('statement: assessing-needs\nrules: []\n') },
      ['--rubrics', 'rules'],
    ],
  ])(
    'names a UTF-16 file given as %s as UTF-16, with how to convert it, exit 2',
    async (_what, files, args) => {
      const dir = repo({ 'ev/a.yaml': evidenceYaml(), ...files });
      const argv = args.map((arg, i) => (i % 2 === 1 ? join(dir, arg) : arg));
      const result = await runCli(['validate', join(dir, 'ev'), ...argv]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(UTF16_LE_ADVICE);
      expect(result.stderr).not.toContain('file/binary');
    },
  );

  /** A --format json result of the evidence folder, written to a file as `encode` makes it. */
  async function baselineRun(encode: (json: string) => Buffer): Promise<CliRun> {
    const dir = repo({ 'ev/a.yaml': evidenceYaml() });
    const first = await runCli([join(dir, 'ev'), '--format', 'json']);
    writeFileSync(join(dir, 'previous.json'), encode(first.stdout));
    return runCli([join(dir, 'ev'), '--baseline', join(dir, 'previous.json')]);
  }

  it('names a UTF-16 --baseline as UTF-16, with how to convert it, exit 2', async () => {
    const result = await baselineRun(utf16);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(UTF16_LE_ADVICE);
    expect(result.stderr).not.toContain('is not JSON');
  });

  it('reads a UTF-8 --baseline with a byte order mark: the mark is not content', async () => {
    const result = await baselineRun((json) => Buffer.from(`\uFEFF${json}`));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Since the baseline');
  });

  it('calls a binary --baseline binary, not JSON text, with what to give instead', async () => {
    const result = await baselineRun((json) =>
      Buffer.concat([Buffer.from([0x89, 0]), Buffer.from(json)]),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'file/binary  file is binary, not JSON text; give a file written by --format json',
    );
  });

  /** ASCII text as UTF-32: each character in four bytes, three of them zero. */
  const utf32 = (text: string, order: 'LE' | 'BE'): Buffer =>
    Buffer.concat(
      [...text].map((c) => {
        const unit = Buffer.alloc(4);
        if (order === 'LE') unit.writeUInt32LE(c.codePointAt(0)!);
        else unit.writeUInt32BE(c.codePointAt(0)!);
        return unit;
      }),
    );

  it.each([
    ['little-endian with a byte order mark', utf32('\uFEFFstatement: x\n', 'LE'), 'LE', 'UTF-32'],
    ['big-endian with a byte order mark', utf32('\uFEFFstatement: x\n', 'BE'), 'BE', 'UTF-32'],
    ['little-endian without one', utf32('statement: x\n', 'LE'), 'LE', 'UTF-32LE'],
    ['big-endian without one', utf32('statement: x\n', 'BE'), 'BE', 'UTF-32BE'],
  ])('names UTF-32 (%s) as UTF-32, not UTF-16 or binary', (_name, bytes, order, from) => {
    const [d] = parseEvidenceFile('a.yaml', bytes).diagnostics;
    expect(d?.code).toBe('file/encoding');
    expect(d?.message).toContain(`file is UTF-32 (${order}) text, not UTF-8`);
    expect(d?.message).toContain(iconvAdvice(from));
  });

  it.each([
    '!!binary aGVsbG8=',
    '!!set { a, b }',
    '!custom value',
    '!!timestamp 2024-01-01',
    '!<tag:example.com,2024:x> y',
  ])('words a tag (%s) as a tag, and the yaml package prints nothing of its own', (value) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const text = `statement: assessing-needs\nevidence:\n  - title: ${value}\n    category: processes\n    summary: S\n`;
      const parsed = parseEvidenceFile('a.yaml', Buffer.from(text));
      const messages = parsed.diagnostics.map((d) => d.message).join('\n');
      expect(messages).toMatch(/YAML tag .* is not supported in evidence/);
      // Positions come from the yaml package too: ask for one.
      parsed.locator.locate(0, ['evidence', 0, 'title']);
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
      expect(emit).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('prints nothing of the yaml package when a whole run meets tags and broken YAML', async () => {
    const dir = repo({
      'a.yaml': 'statement: assessing-needs\nevidence:\n  - title: !!binary aGVsbG8=\n',
      'b.yaml': 'statement: [unclosed\n',
      'c.yaml': '%YAML 1.1\n%TAG ! tag:example.com,2024:\n---\nstatement: !x y\n',
    });
    const result = await runCli([dir, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});

describe('long runs of one character', () => {
  const characters = [
    'a',
    ' ',
    '-',
    '[',
    '{',
    '#',
    '"',
    "'",
    ':',
    '&',
    '*',
    '!',
    '|',
    '>',
    '\\',
    '\t',
    '\n',
    '9',
    '.',
    '@',
    '%',
    '\u00a0',
    'é',
    '\r',
  ];

  it('never crashes the run: every file is reported on, and the others still scored', () => {
    const files: Record<string, string> = { 'good.yaml': evidenceYaml() };
    characters.forEach((c, i) => {
      files[`run-${String(i).padStart(2, '0')}-value.yaml`] =
        `statement: assessing-needs\nevidence:\n  - title: ${c.repeat(200_000)}\n`;
      files[`run-${String(i).padStart(2, '0')}-bare.yaml`] = c.repeat(300_000);
    });
    files['emails.yaml'] = `# ${'a@b.co '.repeat(150_000)}\n${evidenceYaml('safeguarding')}`;
    const dir = repo(files);
    const result = run(dir, { maxFileBytes: 2_000_000 });
    expect(result.files).toBe(Object.keys(files).length);
    expect(
      result.statements.find((s) => s.id === 'assessing-needs')?.items.length,
    ).toBeGreaterThanOrEqual(1);
    expect(result.statements.find((s) => s.id === 'safeguarding')?.items).toHaveLength(1);
  }, 120_000);
});
