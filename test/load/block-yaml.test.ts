// The block reader (src/load/block-yaml.ts) either returns exactly what
// js-yaml's loadAll with CORE_SCHEMA returns or undefined, on every file in
// the repository, on generated benchmark files, on random subset documents and
// on their mutations; and it reads the files evidence repositories are made of.
// For a longer hunt: CQC_BLOCK_YAML_RUNS=100000 CQC_BLOCK_YAML_SEED=$RANDOM npx vitest run test/load
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBlockYaml, readBlockYaml } from '../../src/load/block-yaml.js';
import { plainValue, SCHEMA_AS_EXPECTED } from '../../src/load/block-scalars.js';
import { depthExceeds } from '../../src/load/depth.js';
import { scanItemPositions } from '../../src/load/positions.js';
import { fileKind, generateFile, writeRepo } from '../../scripts/bench/generate.js';
import { mutatedText, subsetText, TRICKY_PLAIN } from './block-yaml-generators.js';

/** js-yaml's documents, or 'throws'. */
function jsYaml(text: string): unknown[] | 'throws' {
  try {
    const docs: unknown[] = [];
    jsyaml.loadAll(text, (doc) => docs.push(doc), { schema: jsyaml.CORE_SCHEMA, json: false });
    return docs;
  } catch {
    return 'throws';
  }
}

/**
 * A value with each object written as its entries in order, so comparing
 * two of them also compares key order and prototypes. (toStrictEqual on the
 * values alone ignores key order, and fails on equal objects with an own
 * `constructor` key, since it compares their `.constructor`s.)
 */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.map(ordered) };
  if (value === null || typeof value !== 'object') return value;
  return {
    plainObject: Object.getPrototypeOf(value) === Object.prototype,
    entries: Object.entries(value).map(([key, item]) => [key, ordered(item)]),
  };
}

/** js-yaml's documents, exactly: the same values, types, keys and key order. */
function expectJsYamlDocs(text: string, docs: unknown[]): void {
  const reference = jsYaml(text);
  expect(reference).not.toBe('throws');
  expect(ordered(docs)).toStrictEqual(ordered(reference));
}

/** The property every text must have: undefined, or js-yaml's documents exactly. */
function expectSameAsJsYaml(text: string): unknown[] | undefined {
  const docs = parseBlockYaml(text);
  if (docs !== undefined) expectJsYamlDocs(text, docs);
  return docs;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Each document's `evidence` length, as parse.ts passes it to scanItemPositions. */
function evidenceCounts(docs: unknown[]): number[] {
  return docs.map((doc) => {
    const evidence = (doc as { evidence?: unknown } | null)?.evidence;
    return Array.isArray(evidence) ? evidence.length : 0;
  });
}

describe('parseBlockYaml against js-yaml', () => {
  it.each(['fixtures', 'test'].flatMap(yamlFiles))('%s', (file) => {
    expectSameAsJsYaml(readFileSync(file, 'utf8'));
  });

  const dir = mkdtempSync(join(tmpdir(), 'cqc-score-block-yaml-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every valid file of a generated repository, and only those', () => {
    // 600 files: the first three invalid ones (199, 399, 599) are one of each kind.
    writeRepo(dir, 600, 20250630);
    const kinds = { read: 0, refused: 0 };
    for (let index = 0; index < 600; index++) {
      const text = readFileSync(join(dir, generateFile(20250630, index).path), 'utf8');
      const docs = expectSameAsJsYaml(text);
      if (docs === undefined) kinds.refused++;
      else kinds.read++;
      // bad-key and wrong-enum files are valid YAML; malformed ones are not.
      expect(docs === undefined).toBe(fileKind(index) === 'malformed');
    }
    expect(kinds).toEqual({ read: 599, refused: 1 });
  });

  it('finds the evidence items where scanItemPositions finds them in generated files', () => {
    for (let index = 0; index < 50; index++) {
      const { text } = generateFile(7, index);
      const read = readBlockYaml(text, { listKey: 'evidence', maxDepth: 32 });
      expect(read?.items).toBeDefined();
      expect(read?.items).toStrictEqual(
        scanItemPositions(text.split(/\r?\n/), evidenceCounts(read?.docs ?? [])),
      );
    }
  });
});

describe('parseBlockYaml on random documents', () => {
  const runs = Number(process.env.CQC_BLOCK_YAML_RUNS ?? 3000);
  const seed = Number(process.env.CQC_BLOCK_YAML_SEED ?? 20250630);

  /** Everything a result promises: js-yaml's documents, items as the scan finds them, depth as depthExceeds counts. */
  function checkText(text: string): boolean {
    const read = readBlockYaml(text, { listKey: 'evidence' });
    if (read === undefined) return false;
    expectJsYamlDocs(text, read.docs);
    if (read.items !== undefined) {
      expect(read.items).toStrictEqual(
        scanItemPositions(text.split(/\r?\n/), evidenceCounts(read.docs)),
      );
    }
    for (const limit of [0, 1, 2, 3]) {
      const withinLimit = !read.docs.some((doc) => depthExceeds(doc, limit));
      expect(readBlockYaml(text, { maxDepth: limit }) !== undefined).toBe(withinLimit);
    }
    return true;
  }

  /** Runs checkText over generated texts; how many the reader read. */
  function readOf(texts: fc.Arbitrary<string>): number {
    let read = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (checkText(text)) read++;
      }),
      { numRuns: runs, seed },
    );
    return read;
  }

  it('returns js-yaml’s documents or nothing, for subset documents', () => {
    // The property means little unless the reader really reads many of them.
    expect(readOf(subsetText)).toBeGreaterThan(runs / 5);
  });

  it('returns js-yaml’s documents or nothing, for subset documents with characters changed', () => {
    expect(readOf(mutatedText)).toBeGreaterThan(runs / 20);
  });

  it('types plain scalars as js-yaml does, skipping its resolvers only for plain text', () => {
    const scalar = fc.oneof(
      fc.constantFrom(...TRICKY_PLAIN),
      fc.string({
        unit: fc.constantFrom(...'0123456789+-._~eExXoObBnNuUlLtTrRfFaAsSiI'),
        minLength: 1,
      }),
    );
    fc.assert(
      fc.property(scalar, (text) => {
        const docs = jsYaml(`v: ${text}`);
        // Only texts that js-yaml reads as one plain scalar.
        if (docs === 'throws' || text.includes(': ') || text.includes(' #')) return;
        const value = (docs[0] as { v: unknown }).v;
        if (typeof value === 'object' && value !== null) return;
        expect(plainValue(text)).toStrictEqual(value);
      }),
      { numRuns: runs, seed },
    );
  });
});

describe('parseBlockYaml on the subset', () => {
  it('relies on CORE_SCHEMA typing null, booleans, integers and floats only (dates stay text)', () => {
    expect(SCHEMA_AS_EXPECTED).toBe(true);
    expect(parseBlockYaml('date: 2023-10-17\n')).toStrictEqual([{ date: '2023-10-17' }]);
  });

  it.each([
    ['an empty text', '', []],
    ['a line of spaces', '   ', []],
    ['one line break', '\n', []],
    ['two line breaks', '\n\n', [null]],
    ['only a comment', '# yaml-language-server: $schema=x.json\n', [null]],
    [
      'a typical evidence file',
      [
        '# yaml-language-server: $schema=../../../schemas/evidence.schema.json',
        'statement: equity-in-experience-and-outcomes',
        'evidence:',
        '  - id: equity-02490-1',
        '    title: Improvement in unpaid carers',
        '    summary: >-',
        '      Board minutes recorded that adjustments were',
        '      made. £35.5 million, people’s care.',
        '    date: 2023-10-17',
        '    tags: [market, safeguarding]',
        '',
        '  - title: Delays',
        '    metrics:',
        '      waiting-days: 52',
        '',
      ].join('\n'),
      [
        {
          statement: 'equity-in-experience-and-outcomes',
          evidence: [
            {
              id: 'equity-02490-1',
              title: 'Improvement in unpaid carers',
              summary:
                'Board minutes recorded that adjustments were made. £35.5 million, people’s care.',
              date: '2023-10-17',
              tags: ['market', 'safeguarding'],
            },
            { title: 'Delays', metrics: { 'waiting-days': 52 } },
          ],
        },
      ],
    ],
    [
      'typed plain scalars',
      'a: ~\nb: Null\nc: TRUE\nd: False\ne: 0x1F\nf: 1e3\ng: .inf\nh: -.5\ni: yes\nj: 12:30\nk: 007\nl: -0\n',
      [
        {
          a: null,
          b: null,
          c: true,
          d: false,
          e: 31,
          f: 1000,
          g: Infinity,
          h: '-.5',
          i: 'yes',
          j: '12:30',
          k: 7,
          l: 0,
        },
      ],
    ],
    [
      'comments, spaces and `#` inside values',
      'a: x #y\nb: x#y   \nc: http://e.org/a#b # note\nd: a:b\n  # indented comment\ne:    spaced\n',
      [{ a: 'x', b: 'x#y', c: 'http://e.org/a#b', d: 'a:b', e: 'spaced' }],
    ],
    [
      'control characters and a byte order mark in comments and values, as js-yaml does',
      '# \x07 bell\na: b # \x1B\nc: x\uFEFFy\n',
      [{ a: 'b', c: 'x\uFEFFy' }],
    ],
    [
      'quoted scalars',
      `a: 'it''s # not a comment'\nb: "say: hi" # note\nc: ''\nd: 'null'\n`,
      [{ a: "it's # not a comment", b: 'say: hi', c: '', d: 'null' }],
    ],
    [
      'keys js-yaml keeps as they are',
      'null: 1\ntrue: 2\nconstructor: 3\ntoString: 4\na-b_9: 5\n',
      [{ null: 1, true: 2, constructor: 3, toString: 4, 'a-b_9': 5 }],
    ],
    [
      'a sequence as indented as its key, and empty values',
      'a:\n- 1\n-\n- b: 2\n  c:\nd:\ne: []\n',
      [{ a: [1, null, { b: 2, c: null }], d: null, e: [] }],
    ],
    [
      'compact nested sequences and mappings',
      '- - a\n  - b\n-   c: 1\n    d: [x, 2, true]\n',
      [[['a', 'b'], { c: 1, d: ['x', 2, true] }]],
    ],
    [
      'literal block scalars and their chomping',
      'a: |\n  one\n   two\n\nb: |-\n  x\n\n\nc: |+\n  x\n\n\nd: |\ne: 1\n',
      [{ a: 'one\n two\n', b: 'x', c: 'x\n\n\n', d: '', e: 1 }],
    ],
    [
      'folded block scalars, with blank and more-indented lines',
      'a: >\n  one\n  two\n\n  three\n    deeper\n  back\nb: >+\n\n  x\n',
      [{ a: 'one two\nthree\n  deeper\nback\n', b: '\nx\n' }],
    ],
    ['several documents', '# header\n---\na: 1\n--- # second\n- b\n---\n', [{ a: 1 }, ['b'], null]],
  ])('reads %s', (_name, text, expected) => {
    expect(parseBlockYaml(text)).toStrictEqual(expected);
    expectJsYamlDocs(text, expected);
  });

  it.each([
    ['a tab', 'a:\tb\n'],
    ['a tab in indentation', 'a:\n\t- b\n'],
    ['a CR', 'a: b\r\n'],
    ['a byte order mark', '\uFEFFa: b\n'],
    ['a NUL', 'a: b\0\n'],
    ['a control character', 'a: b\x07\n'],
    ['a C1 control character', 'a: b\x9B\n'],
    ['a control character in a block scalar', 'a: |\n  b\n  c\x0C\n'],
    ['a control character in a quoted scalar', "a: 'b\x1B'\n"],
    ['a control character in a flow sequence', 'a: [b\x1B]\n'],
    ['a lone surrogate', 'a: b\uD800\n'],
    ['an anchor', 'a: &x b\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['content after ---', '--- a: 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a nested flow sequence', 'a: [b, [c]]\n'],
    ['a quoted flow entry', 'a: [b, "c"]\n'],
    ['a trailing comma', 'a: [b,]\n'],
    ['a flow sequence over two lines', 'a: [b,\n  c]\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key with a space', 'a b: 1\n'],
    ['a key that starts with a digit', '1: a\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a key js-yaml renames', 'True: 1\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a plain scalar over two lines', 'a: b\n  c\n'],
    ['a quoted scalar over two lines', "a: 'b\n  c'\n"],
    ['a scalar on the line below its key', 'a:\n  b\n'],
    ['a double-quoted escape', 'a: "b\\n"\n'],
    ['a `: ` inside a value', 'a: b: c\n'],
    ['a value ending in `:`', 'a: b:\n'],
    ['a dash as a value', 'a: - b\n'],
    ['an explicit indentation indicator', 'a: |2\n   b\n'],
    ['a repeated chomping indicator', 'a: |+-\n  b\n'],
    ['text after a block scalar header', 'a: | b\n  c\n'],
    ['a more-indented entry', 'a: 1\n  b: 2\n'],
    ['a less-indented entry', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence entry after a mapping entry', 'a: 1\n- b\n'],
    ['an indented root', '  a: 1\n'],
    ['a root scalar', 'hello\n'],
    ['a root flow sequence', '[a, b]\n'],
    ['a dash after an empty entry, less indented', 'a:\n  - b\n  -\n- c\n'],
  ])('refuses %s', (_name, text) => {
    expect(parseBlockYaml(text)).toBeUndefined();
  });

  it('leaves texts over two million characters to js-yaml', () => {
    expect(parseBlockYaml('- b\n'.repeat(499_999))).toHaveLength(1);
    expect(parseBlockYaml('- b\n'.repeat(500_001))).toBeUndefined();
  });

  it('refuses values nested deeper than maxDepth, counted as depthExceeds counts', () => {
    const text = 'a:\n  b:\n    - c\n';
    expect(readBlockYaml(text, { maxDepth: 3 })?.docs).toStrictEqual([{ a: { b: ['c'] } }]);
    expect(readBlockYaml(text, { maxDepth: 2 })).toBeUndefined();
    expect(readBlockYaml('a: [b]\n', { maxDepth: 1 })).toBeUndefined();
    expect(readBlockYaml('a: []\n', { maxDepth: 1 })?.docs).toStrictEqual([{ a: [] }]);
  });
});

describe('readBlockYaml item positions', () => {
  const positions = (text: string) => readBlockYaml(text, { listKey: 'evidence' })?.items;

  it.each([
    [
      'indented items',
      'evidence:\n  - a: 1\n\n  -   b: 2\n',
      [
        [
          { line: 2, column: 5 },
          { line: 4, column: 5 },
        ],
      ],
    ],
    [
      'items as indented as the key',
      'x: 1\nevidence: # items\n- a\n-\n',
      [
        [
          { line: 3, column: 3 },
          { line: 4, column: 3 },
        ],
      ],
    ],
    [
      'several documents',
      'evidence:\n - a\n---\nx: 1\n---\nevidence:\n',
      [[{ line: 2, column: 4 }], [], []],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(positions(text)).toStrictEqual(expected);
    const docs = jsYaml(text) as unknown[];
    expect(scanItemPositions(text.split('\n'), evidenceCounts(docs))).toStrictEqual(expected);
  });

  it.each([
    ['an inline value', 'evidence: []\n'],
    ['a mapping', 'evidence:\n  a:\n    - b\n'],
    ['a root sequence', '- evidence:\n  - a\n'],
  ])('leaves %s to scanItemPositions', (_name, text) => {
    expect(parseBlockYaml(text)).toBeDefined();
    expect(positions(text)).toBeUndefined();
  });
});
