/**
 * One parsing story: whatever a file looks like, the values the loader gives
 * are exactly what the `yaml` package reads with the YAML 1.2 core schema, or
 * the file gets a diagnostic. Documents are generated in every style evidence
 * authors use: block and flow collections, plain (also over several lines),
 * quoted and block scalars, comments, anchors and aliases, and directives
 * (a `%YAML 1.1` directive must not change what a value means).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { LineCounter } from 'yaml';
import { parseEvidenceFile } from '../../src/load/parse.js';
import type { ParsedFile } from '../../src/load/parse.js';
import { treeLocator } from '../../src/load/positions.js';

/** Scalars whose meaning differs between schemas and parsers. */
const TRICKY = [
  '0b101',
  'on',
  'off',
  'yes',
  'no',
  'y',
  '-.5',
  '.5',
  '+12',
  '012',
  '0o17',
  '0x1F',
  '1_000',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'Null',
  'true',
  'False',
  '2024-08-01',
  '2024-08-01T10:00:00Z',
  '12:30',
  '3.0',
  '-0',
];

const word = fc.constantFrom('care', 'waits', 'staff', 'carers', 'reviews', 'team', 'plan');
const plain = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  fc.integer({ min: -1000, max: 100000 }).map(String),
);
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const key = fc.constantFrom('title', 'summary', 'source', 'date', 'id', 'score', 'note', 'a-b');

/** One scalar written in one of YAML's styles, at a given indentation. */
function scalar(indent: number): fc.Arbitrary<string> {
  const pad = ' '.repeat(indent + 2);
  return fc.oneof(
    plain,
    plain.map((v) => `'${v.replace(/'/g, "''")}'`),
    plain.map((v) => `"${v}"`),
    text.map((v) => `"${v}\\n\\t\\x41"`),
    fc.tuple(text, text).map(([a, b]) => `${a}\n${pad}${b}`),
    fc
      .tuple(fc.constantFrom('|', '>', '|-', '>+', '|2'), text, text)
      .map(([style, a, b]) => `${style}\n${pad}${a}\n${pad}${b}`),
  );
}

const flowValue = fc.oneof(
  plain,
  plain.map((v) => `"${v}"`),
  fc.array(plain, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc
    .uniqueArray(fc.tuple(key, plain), { maxLength: 3, selector: ([k]) => k })
    .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
);

const comment = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' # a note', ' # Q&A: *see* &this', ' #'),
);

/** A mapping written in block style, each value a scalar, a flow collection or a list. */
function blockMap(indent: number): fc.Arbitrary<string> {
  const pad = ' '.repeat(indent);
  const entry = fc.tuple(key, fc.oneof(scalar(indent), flowValue), comment);
  return fc
    .uniqueArray(entry, { minLength: 1, maxLength: 5, selector: ([k]) => k })
    .map((entries) => entries.map(([k, v, c]) => `${pad}${k}: ${v}${c}`).join('\n'));
}

const item = blockMap(4).map((body) => `  - ${body.slice(4)}`);

const anchored = fc
  .tuple(plain, fc.integer({ min: 1, max: 3 }))
  .map(
    ([value, uses]) =>
      `shared: &s ${value}\nuses: [${Array.from({ length: uses }, () => '*s').join(', ')}]`,
  );

const directive = fc.constantFrom('', '%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '---\n');

const documentText = fc
  .tuple(
    directive,
    fc.oneof(fc.constant(''), fc.constant('# evidence file\n')),
    fc.array(item, { minLength: 1, maxLength: 4 }),
    fc.option(anchored, { nil: undefined }),
    fc.option(flowValue, { nil: undefined }),
  )
  .map(
    ([dir, head, items, anchors, flow]) =>
      `${dir}${head}statement: safeguarding\n${anchors ? `${anchors}\n` : ''}${flow ? `extra: ${flow}\n` : ''}evidence:\n${items.join('\n')}\n`,
  );

/** What the `yaml` package reads with the YAML 1.2 core schema, whatever the directives say. */
function reference(source: string): unknown[] {
  return parseAllDocuments(source, { schema: 'core', logLevel: 'silent' })
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS({ maxAliasCount: 100 }));
}

/** Where every item, and each of its keys and values, is: from the parsed file, and from the `yaml` package's tree. */
function positions(source: string, parsed: ParsedFile): { ours: unknown[]; theirs: unknown[] } {
  const lineCounter = new LineCounter();
  const tree = treeLocator(
    parseAllDocuments(source, { schema: 'core', lineCounter, logLevel: 'silent' }) as never,
    lineCounter,
  );
  const ours: unknown[] = [];
  const theirs: unknown[] = [];
  parsed.docs.forEach((doc, d) => {
    const evidence = (doc as { evidence?: unknown[] }).evidence ?? [];
    evidence.forEach((item, i) => {
      ours.push(parsed.itemPosition(d, i));
      theirs.push(tree.locate(d, ['evidence', i]));
      for (const key of [...Object.keys(item as object), 'missing'])
        for (const atKey of [false, true]) {
          ours.push([key, atKey, parsed.locator.locate(d, ['evidence', i, key], atKey)]);
          theirs.push([key, atKey, tree.locate(d, ['evidence', i, key], atKey)]);
        }
    });
  });
  return { ours, theirs };
}

describe('parseEvidenceFile against the yaml package with the YAML 1.2 core schema', () => {
  it('gives exactly its values, or a diagnostic, for generated documents in every style', () => {
    let read = 0;
    fc.assert(
      fc.property(documentText, (source) => {
        const parsed = parseEvidenceFile('g.yaml', Buffer.from(source));
        if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
        read++;
        expect(parsed.docs).toEqual(reference(source));
      }),
      { numRuns: 10_000, seed: 20261205, endOnFailure: true },
    );
    // Most generated documents are well formed: the comparison must not pass by refusing them.
    expect(read).toBeGreaterThan(9_000);
  });

  it('places every item, key and value where the yaml package does', () => {
    fc.assert(
      fc.property(documentText, (source) => {
        const parsed = parseEvidenceFile('g.yaml', Buffer.from(source));
        if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
        const { ours, theirs } = positions(source, parsed);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500, seed: 20261206, endOnFailure: true },
    );
  });

  it.each([
    ['0b101', '0b101'],
    ['on', 'on'],
    ['yes', 'yes'],
    ['-.5', -0.5],
    ['0o17', 15],
    ['1_000', '1_000'],
    ['2024-08-01', '2024-08-01'],
  ])('reads %s as %j, whatever directive or comment stands before it', (raw, value) => {
    for (const head of ['', '%YAML 1.1\n---\n', '# Q&A *x*\n']) {
      const parsed = parseEvidenceFile('v.yaml', Buffer.from(`${head}evidence:\n  - a: ${raw}\n`));
      expect(parsed.docs).toEqual([{ evidence: [{ a: value }] }]);
    }
  });
});
