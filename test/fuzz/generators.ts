/**
 * fast-check arbitraries for evidence folders: YAML-ish text built from the
 * words evidence files use, and the shipped fixtures mutated byte by byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FuzzCase } from './harness.js';

const FIXTURE_DIRS = ['fixtures/seed-learning', 'fixtures/personal-data'];

/** Every evidence file of the fixtures, as bytes: the seeds that mutations start from. */
export const SEEDS: Uint8Array[] = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && name !== 'cqc-score.yaml')
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(dir, name)))),
);

const encoder = new TextEncoder();

/** Characters and fragments that break parsers and positions. */
const TOKENS = [
  '\t',
  '"',
  "'",
  ':',
  ': ',
  ' #',
  '&a ',
  '*a',
  ' *a',
  '<<: *a\n',
  '&a [1, *a]',
  '[',
  ']',
  '{',
  '}',
  '[[[[[[[[',
  '- - - - - - - -',
  '\u0000',
  '\r\n',
  '\r',
  '\n',
  '\n\n\n',
  '\uFEFF',
  '99999999999999999999999999999',
  '1e999999',
  '-1e-999',
  '.inf',
  '-.nan',
  '0x7fffffff',
  '0o777',
  '!!binary ',
  '!!js/function ',
  '!<tag:x>',
  '!!str ',
  '? ',
  '|',
  '|-',
  '>-',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '%TAG ! tag:x:\n',
  '@',
  '`',
  'é',
  'e\u0301',
  '😀',
  '\u202e',
  '\u2028',
  '\u00a0',
  '\ud800',
  '\udfff',
  '\uffff',
  '\\',
  '\\u0000',
  '~',
  'null',
  'true',
  '2024-02-30',
  '9999-99-99',
  '0000-00-00',
  'evidence:',
  'evidence: []',
  'evidence:\n  - ',
  'statement: ',
  'title: ',
  'summary: ',
  'category: outcomes',
  'judgement: ',
  'metrics: {a: 1e400}',
  'tags: [a, a, a]',
  '__proto__: 1',
  'constructor: x',
  'toString: 1',
];

const STATEMENTS = [
  'safeguarding',
  'assessing-needs',
  'learning-improvement-and-innovation',
  'Safeguarding',
  'nope',
  '',
];
const KEYS = [
  'evidence',
  'statement',
  'statements',
  'framework',
  'title',
  'category',
  'summary',
  'date',
  'source',
  'judgement',
  'status',
  'tags',
  'metrics',
  'reference',
  'id',
  '__proto__',
  'x',
];
const VALUES = [
  'outcomes',
  'processes',
  'peoples-experience',
  'strength',
  'shortfall',
  'exceptional',
  'planned',
  '2024-08-14',
  '2024-08-30',
  '2031-01-01',
  '1900-01-01',
  '2024-13-45',
  'local-authority',
  'provider',
  '[]',
  '{}',
  '~',
  '-1',
  '0',
  '3.14',
  '1e308',
  'yes',
  'NO',
  '"quoted: value"',
  "'single'",
  '>-',
  '|',
  ...STATEMENTS,
];

/** One line of YAML-ish text: indentation, an optional dash, a key and a value. */
const line = fc
  .tuple(
    fc.nat({ max: 8 }),
    fc.boolean(),
    fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
    fc.oneof(
      fc.constantFrom(...VALUES),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(...TOKENS),
    ),
  )
  .map(([indent, dash, key, value]) => `${' '.repeat(indent)}${dash ? '- ' : ''}${key}: ${value}`);

/** A YAML-ish file from random lines, sometimes opening like a real evidence file. */
export const yamlishText = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 40 }))
  .map(([opening, lines]) =>
    (opening ? ['statement: safeguarding', 'evidence:', ...lines] : lines).join('\n'),
  );

type Mutation = (bytes: Uint8Array) => Uint8Array;

const at = (bytes: Uint8Array, position: number): number =>
  bytes.length === 0 ? 0 : position % (bytes.length + 1);

function splice(
  bytes: Uint8Array,
  start: number,
  deleteCount: number,
  insert: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(bytes.length - deleteCount + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(start + deleteCount), start + insert.length);
  return out;
}

const replaceText = (bytes: Uint8Array, from: RegExp, to: string): Uint8Array =>
  encoder.encode(new TextDecoder().decode(bytes).replace(from, to));

/** Deeply nested block mappings or sequences, deeper than any evidence file. */
const deepNesting = fc
  .tuple(fc.constantFrom('map', 'seq', 'flow'), fc.integer({ min: 30, max: 3000 }))
  .map(([kind, depth]) => {
    // Capped at 1200 levels: deeper indentation would pass the 1 MiB file limit.
    if (kind === 'map') {
      return Array.from({ length: Math.min(depth, 1200) }, (_, i) => `${' '.repeat(i)}k:`).join(
        '\n',
      );
    }
    if (kind === 'seq') return '- '.repeat(depth) + 'x';
    return '['.repeat(depth) + ']'.repeat(depth);
  });

/** Anchors whose aliases multiply: the "billion laughs" shape. */
const aliasBomb = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 10 }))
  .map(([levels, width]) => {
    const out = ['a0: &a0 [lol]'];
    for (let i = 1; i <= levels; i++)
      out.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return `${out.join('\n')}\nevidence: *a${levels}\n`;
  });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 7 })).map(([p, bit]): Mutation => (b) => {
    if (b.length === 0) return b;
    const out = b.slice();
    out[p % b.length]! ^= 1 << bit;
    return out;
  }),
  fc.nat().map(
    (p): Mutation =>
      (b) =>
        b.slice(0, at(b, p)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(
    ([p, token]): Mutation =>
      (b) =>
        splice(b, at(b, p), 0, encoder.encode(token)),
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(
    ([p, raw]): Mutation =>
      (b) =>
        splice(b, at(b, p), 0, raw),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(
    ([p, n]): Mutation =>
      (b) =>
        splice(b, at(b, p), Math.min(n, b.length - at(b, p)), new Uint8Array()),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 400 })).map(([p, n]): Mutation => (b) => {
    const start = at(b, p);
    return splice(b, start, 0, b.slice(start, start + n));
  }),
  fc.tuple(fc.nat(), deepNesting).map(
    ([p, text]): Mutation =>
      (b) =>
        splice(b, at(b, p), 0, encoder.encode(text)),
  ),
  fc.constant<Mutation>((b) => replaceText(b, /\n/g, '\r\n')),
  fc.constant<Mutation>((b) => replaceText(b, / {2}/g, '\t')),
  fc.constant<Mutation>((b) => replaceText(b, /: /g, ':')),
  fc.constant<Mutation>((b) => replaceText(b, /(\d+)/g, '$1$1$1$1$1$1$1$1')),
  fc.constant<Mutation>((b) => splice(b, 0, 0, new Uint8Array([0xef, 0xbb, 0xbf]))),
  fc.constant<Mutation>((b) => splice(b, 0, 0, new Uint8Array([0xff, 0xfe]))),
);

/** A fixture file after one to six mutations. */
export const mutatedFixture = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, mutations]) => mutations.reduce((bytes, mutate) => mutate(bytes), seed));

const evidenceFile = fc.oneof(
  { weight: 5, arbitrary: mutatedFixture },
  { weight: 3, arbitrary: yamlishText },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: aliasBomb },
);

/** A folder of one to three evidence files; now and then a broken configuration file too. */
export const evidenceFolder: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.array(evidenceFile, { minLength: 1, maxLength: 3 }),
    fc.option(
      fc.oneof(
        yamlishText,
        fc.constantFrom(
          'privacy: warn\nas-of: 2024-08-30\n',
          'as-of: 2024-02-30\n',
          'framework: [',
        ),
      ),
      { freq: 8 },
    ),
  )
  .map(([contents, config]) => {
    const files: FuzzCase['files'] = {};
    contents.forEach((content, i) => {
      files[['a.yaml', 'b.yml', 'nested.YAML'][i]!] = content;
    });
    if (config !== null) files['cqc-score.yaml'] = config;
    return { files };
  });

/** The same folders with the valid configuration always. */
export const evidenceOnlyFolder: fc.Arbitrary<FuzzCase> = fc
  .array(evidenceFile, { minLength: 1, maxLength: 3 })
  .map((contents) => ({
    files: Object.fromEntries(
      contents.map((content, i) => [['a.yaml', 'b.yml', 'nested.YAML'][i]!, content]),
    ),
  }));
