/**
 * fast-check arbitraries for evidence folders: YAML-ish text built from the
 * words evidence files use, and the shipped fixtures mutated byte by byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { CATEGORIES, JUDGEMENTS } from '../../src/model/evidence.js';
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
    // Capped at 400 levels (80 KB), twelve times the limit: the 1,200 levels the
    // fixed-findings test in fuzz.test.ts uses would cost 720 KB a file.
    if (kind === 'map') {
      return Array.from({ length: Math.min(depth, 400) }, (_, i) => `${' '.repeat(i)}k:`).join(
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

const LA_STATEMENTS = loadFramework('local-authority').statements.map((s) => s.id);

/** The words of the fixtures' evidence, so generated text meets the rubrics' phrases. */
const WORDS = [
  ...new Set(SEEDS.flatMap((bytes) => new TextDecoder().decode(bytes).split(/[^A-Za-z'-]+/))),
]
  .filter((word) => word.length > 1)
  .sort();

/** Things people paste into evidence: personal data in its many forms, and figures that are not. */
const PASTED = [
  '943 476 5919',
  '943-476-5919',
  '943\u00a0476\u00a05919',
  '9434765919',
  'QQ 12 34 56 C',
  'QQ-12-34-56',
  '+44 (0)20 7946 0018',
  '0044 20 7946 0018',
  '07700 900123',
  'josé.garcía@example.org',
  'DOB 03/03/1941',
  'born on 3rd March 1941',
  'date-of-birth: 1941-03-03',
  '0300 123 4567',
  'room 12',
  'incident 2023-0456',
];

const sentence = fc
  .array(
    fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...PASTED)),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((words) => words.join(' '));

/** Evidence that parses and mostly passes the schema, so the files reach scoring and the reports. */
const wellFormed = fc
  .record({
    statement: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...LA_STATEMENTS) },
      fc.constantFrom(...STATEMENTS),
    ),
    evidence: fc.array(
      fc.record(
        {
          id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
          title: sentence.map((text) => text.slice(0, 120)),
          category: fc.constantFrom(...CATEGORIES),
          summary: sentence,
          date: fc
            .date({ min: new Date('2018-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          source: sentence.map((text) => text.slice(0, 40)),
          judgement: fc.constantFrom(...JUDGEMENTS),
          metrics: fc.dictionary(
            fc.constantFrom('waiting', 'reviews', 'placements'),
            fc.integer({ min: -5, max: 5000 }),
          ),
        },
        { requiredKeys: ['title', 'category', 'summary'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map((document) => stringify(document));

/** One short token repeated up to 140,000 times, in a comment or in a value of each YAML style. */
const longRun = fc
  .tuple(
    fc.constantFrom(
      'a@b.co ',
      '943 476 5919 ',
      '0',
      ' ',
      '#',
      "'",
      '"',
      '\\',
      '-',
      ':',
      '(',
      'é',
      '😀',
    ),
    fc.integer({ min: 1000, max: 140_000 }),
    fc.constantFrom('comment', 'plain', 'single', 'double', 'folded'),
  )
  .map(([token, times, style]) => {
    const run = token.repeat(times);
    const head = 'statement: safeguarding\nevidence:\n  - id: long\n    date: 2024-05-01\n';
    if (style === 'comment') return `# ${run}\n${head}    title: t\n`;
    if (style === 'plain') return `${head}    title: t ${run}\n`;
    if (style === 'single') return `${head}    title: '${run}'\n`;
    if (style === 'double') return `${head}    title: "${run}"\n`;
    return `${head}    title: >\n      ${run}\n`;
  });

/** One evidence file: mostly mutated fixtures and YAML-ish text, now and then a hostile shape. */
export const evidenceFile = fc.oneof(
  { weight: 40, arbitrary: mutatedFixture },
  { weight: 25, arbitrary: yamlishText },
  { weight: 28, arbitrary: wellFormed },
  { weight: 3, arbitrary: deepNesting },
  { weight: 3, arbitrary: aliasBomb },
  { weight: 1, arbitrary: longRun },
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
