// Every kind of bad input gets a clear diagnostic at the right place, and one
// bad file never stops the others from being read.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';
import { parseEvidenceFile } from '../../src/load/parse.js';
import { evidenceYaml, LA_CONFIG, tempRepo } from '../helpers.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('parseEvidenceFile', () => {
  it.each([
    [
      'unclosed quote',
      'statement: x\nevidence:\n  - title: "open\n    category: processes\n',
      'yaml/syntax',
      3,
      12,
    ],
    [
      'bad indentation',
      'evidence:\n  - title: a\n    category: b\n   summary: c\n',
      'yaml/indentation',
      4,
      4,
    ],
    ['tab indentation', 'evidence:\n  - title: a\n\tcategory: b\n', 'yaml/tab-indent', 3, 1],
    ['duplicate keys', 'evidence:\n  - title: a\n    title: b\n', 'yaml/duplicate-key', 3, 5],
    [
      'flow nesting too deep',
      `evidence: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      'yaml/too-deep',
      1,
      1,
    ],
  ])('%s', (_name, text, code, line, column) => {
    const parsed = parseEvidenceFile('f.yaml', utf8(text));
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code, severity: 'error', line, column }),
    ]);
  });

  it('refuses a billion-laughs alias bomb (expanded, it would exhaust memory)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const parsed = parseEvidenceFile('bomb.yaml', utf8(lines.join('\n')));
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml/alias-limit']);
  });

  it('refuses very deep block nesting without overflowing the stack', () => {
    const lines = ['evidence:'];
    for (let i = 1; i <= 2000; i++) lines.push(`${' '.repeat(i)}k:`);
    const parsed = parseEvidenceFile('deep.yaml', utf8(lines.join('\n')));
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml/too-deep']);
  });

  it('reports a binary file', () => {
    const parsed = parseEvidenceFile('b.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'file/binary', line: 1, column: 1 });
  });

  it('reports text that is not UTF-8 at the first bad byte', () => {
    const bytes = Buffer.concat([
      utf8('evidence:\n  - title: caf'),
      Buffer.from([0xe9]),
      utf8('\n'),
    ]);
    expect(parseEvidenceFile('l1.yaml', bytes).diagnostics[0]).toMatchObject({
      code: 'file/encoding',
      line: 2,
      column: 15,
    });
  });

  it('accepts a UTF-8 byte order mark and CRLF line endings', () => {
    const text = `\ufeff${evidenceYaml()}`.replace(/\n/g, '\r\n');
    const parsed = parseEvidenceFile('crlf.yaml', utf8(text));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.docs[0]).toMatchObject({ statement: 'assessing-needs' });
    expect(parsed.itemPosition(0, 0)).toEqual({ line: 3, column: 5 });
  });

  it('keeps unquoted dates as YYYY-MM-DD text', () => {
    const parsed = parseEvidenceFile('d.yaml', utf8(evidenceYaml()));
    expect((parsed.docs[0] as { evidence: { date: unknown }[] }).evidence[0]?.date).toBe(
      '2024-07-01',
    );
  });

  it.each([
    ['__proto__', 'evidence:\n  - __proto__:\n      polluted: true\n'],
    ['constructor', 'evidence:\n  - constructor:\n      prototype:\n        polluted: true\n'],
  ])('does not pollute prototypes through a %s key', (_key, text) => {
    const parsed = parseEvidenceFile('p.yaml', utf8(text));
    expect(parsed.docs).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds item positions in multi-document files', () => {
    const text = `${evidenceYaml()}---\n${evidenceYaml('safeguarding')}`;
    const parsed = parseEvidenceFile('m.yaml', utf8(text));
    expect([parsed.itemPosition(0, 0), parsed.itemPosition(1, 0)]).toEqual([
      { line: 3, column: 5 },
      { line: 10, column: 5 },
    ]);
  });
});

describe('a repository with bad files', () => {
  it('reports each bad file and still scores the good ones', () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a-good.yaml': evidenceYaml('assessing-needs', '    judgement: strength\n'),
      'b-empty.yaml': '',
      'c-list.yaml': '- 1\n- 2\n',
      'd-scalar.yaml': 'hello\n',
      'e-wrong-type.yaml': 'evidence: 3\n',
      'f-binary.yaml': Buffer.from([0, 1, 2, 3]),
      'z-good.yaml': evidenceYaml('safeguarding', '    judgement: shortfall\n'),
    });
    try {
      const result = run(repo.dir);
      const codes = result.diagnostics.map((d) => `${d.file.split('/').pop()} ${d.code}`);
      expect(codes).toEqual([
        'b-empty.yaml file/empty',
        'c-list.yaml schema/type',
        'd-scalar.yaml schema/type',
        'e-wrong-type.yaml schema/type',
        'f-binary.yaml file/binary',
      ]);
      expect(result.items).toBe(2);
      expect(result.statements.find((s) => s.id === 'assessing-needs')?.score).toBe(3);
      expect(result.statements.find((s) => s.id === 'safeguarding')?.score).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it('refuses files over the size limit', () => {
    const repo = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}max-file-bytes: 100\n`,
      'big.yaml': evidenceYaml(),
      'small.yaml': 'evidence: []\n',
    });
    try {
      const result = run(repo.dir);
      expect(result.diagnostics.map((d) => d.code)).toContain('file/too-large');
      expect(result.diagnostics.find((d) => d.code === 'file/too-large')?.message).toMatch(
        /over the 100-byte limit/,
      );
    } finally {
      repo.cleanup();
    }
  });

  it('reports a file that cannot be read and reads the rest', () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'locked.yaml': evidenceYaml(),
      'open.yaml': evidenceYaml('safeguarding'),
    });
    try {
      const result = run(repo.dir, {
        readFile: (path) => {
          if (path.endsWith('locked.yaml'))
            throw Object.assign(new Error('denied'), { code: 'EACCES' });
          return Buffer.from(evidenceYaml('safeguarding'));
        },
      });
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          code: 'file/unreadable',
          message: expect.stringMatching(/EACCES/),
        }),
      ]);
      expect(result.items).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  it('skips hidden folders and node_modules, follows links inside the root but none out of it, reports broken links, and ends symlink loops', () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'in/a.yaml': evidenceYaml(),
      '.git/x.yaml': 'not: evidence\n',
      'node_modules/y.yaml': 'not: evidence\n',
      'folder.yaml/inner.yaml': evidenceYaml('safeguarding'),
    });
    const outside = tempRepo({ 'secret.yaml': evidenceYaml() });
    try {
      symlinkSync(join(repo.dir, 'in'), join(repo.dir, 'in', 'loop'));
      symlinkSync(outside.dir, join(repo.dir, 'escape'));
      symlinkSync(join(outside.dir, 'secret.yaml'), join(repo.dir, 'escape-file.yaml'));
      symlinkSync(join(repo.dir, 'in', 'a.yaml'), join(repo.dir, 'linked.yaml'));
      symlinkSync(join(repo.dir, 'nowhere.yaml'), join(repo.dir, 'dangling.yaml'));
      mkdirSync(join(repo.dir, 'empty-dir'));
      const result = run(repo.dir);
      expect(result.files).toBe(3);
      expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
        'file/broken-link',
        'file/link-outside',
        'file/link-outside',
        // linked.yaml is in/a.yaml again: read once.
        'file/same-file',
        'file/symlink-loop',
      ]);
      expect(result.items).toBe(2);
    } finally {
      repo.cleanup();
      outside.cleanup();
    }
  });
});

describe('blockDepthExceeds', () => {
  it.each([
    [
      'an ordinary evidence file',
      evidenceYaml('assessing-needs', '    metrics:\n      waiting: 3\n'),
      false,
    ],
    [
      '33 nested mappings',
      Array.from({ length: 33 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      true,
    ],
    [
      '32 nested mappings',
      Array.from({ length: 32 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      false,
    ],
    ['a deep run of dashes', `evidence:\n  ${'- '.repeat(40)}x\n`, true],
    ['a deep run of dashes after a tab', `\t${'- '.repeat(40)}x\nk:\n`, true],
    ['a deep run of dashes separated by tabs', `${'-\t'.repeat(40)}x\n`, true],
    [
      '33 mappings nested with tabs',
      Array.from({ length: 33 }, (_, i) => `${'\t'.repeat(i)}k:`).join('\n'),
      true,
    ],
    [
      'indented text in a block scalar',
      `evidence:\n  - summary: |\n${Array.from({ length: 60 }, (_, i) => `      ${' '.repeat(i)}line`).join('\n')}\n    title: t\n`,
      false,
    ],
  ])('%s', async (_name, text, deep) => {
    const { blockDepthExceeds, MAX_DEPTH } = await import('../../src/load/depth.js');
    expect(blockDepthExceeds(text, MAX_DEPTH)).toBe(deep);
  });
});

describe('flowDepthExceeds', () => {
  it.each([
    ['33 nested lists', `a: ${'['.repeat(33)}${']'.repeat(33)}`, true],
    ['32 nested lists', `a: ${'['.repeat(32)}${']'.repeat(32)}`, false],
    ['lists and maps nested 33 deep together', `a: ${'[{'.repeat(17)}${'}]'.repeat(17)}`, true],
    [
      'forty flat lists, many brackets but shallow',
      Array.from({ length: 40 }, (_, i) => `k${i}: [a, {b: c}]`).join('\n'),
      false,
    ],
    ['no brackets at all', 'a: b\nc: d\n', false],
  ])('%s', async (_name, text, deep) => {
    const { flowDepthExceeds } = await import('../../src/load/depth.js');
    const { MAX_DEPTH } = await import('../../src/load/parse.js');
    expect(flowDepthExceeds(text, MAX_DEPTH)).toBe(deep);
  });
});

describe('a file with a great many problems', () => {
  it('lists the first hundred and counts the rest', () => {
    const items = Array.from(
      { length: 150 },
      (_, i) => `  - title: T${i}\n    category: nope\n    summary: S\n    date: 2024-07-01\n`,
    ).join('');
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'many.yaml': `statement: safeguarding\nevidence:\n${items}`,
    });
    try {
      const result = run(repo.dir);
      expect(result.diagnostics).toHaveLength(101);
      expect(result.diagnostics.filter((d) => d.code === 'schema/enum')).toHaveLength(100);
      expect(result.diagnostics.find((d) => d.code === 'file/too-many-problems')?.message).toMatch(
        /^50 more problems/,
      );
    } finally {
      repo.cleanup();
    }
  });
});
