/**
 * fast-check arbitraries for YAML texts in (and just around) the block-style
 * subset that src/load/block-yaml.ts reads: random trees of mappings,
 * sequences and scalars, written with random indentation, compact and
 * same-indentation sequences, comments, blank lines, tricky scalars and
 * several documents; and the same texts with a few characters changed.
 */
import fc from 'fast-check';

export type Node = ScalarNode | BlockNode | MappingNode | SequenceNode;

/** A scalar written on its key's or dash's line: plain, quoted or a flow sequence. */
interface ScalarNode {
  kind: 'scalar';
  text: string;
  comment: string;
}

/** A literal or folded block scalar: its header and its lines, relative to the parent's column. */
interface BlockNode {
  kind: 'block';
  header: string;
  lines: [extraIndent: number, text: string][];
  indent: number;
  /** Whether the first content line may be more indented than the rest (js-yaml then errs). */
  firstDeeper: boolean;
}

interface MappingNode {
  kind: 'map';
  entries: [key: string, value: Node][];
  /** Blank or comment lines before each entry (none before the first of a compact mapping). */
  gaps: string[][];
  step: number;
  compact: boolean;
  dashSpaces: number;
}

interface SequenceNode {
  kind: 'seq';
  items: Node[];
  step: number;
  /** As a key's value: dashes at the key's column. In a sequence: `- - x`. */
  sameIndent: boolean;
  compact: boolean;
  dashSpaces: number;
}

/** Plain scalars CORE_SCHEMA types as null, booleans or numbers, and look-alikes it keeps as text. */
export const TRICKY_PLAIN = [
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  '0',
  '-0',
  '+1',
  '007',
  '08',
  '0x1F',
  '0X1F',
  '0o17',
  '0b101',
  '1_000',
  '1e3',
  '1E3',
  '1.5',
  '-2.5e-3',
  '.5',
  '0.',
  '+.5',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'nan',
  'Infinity',
  '2023-10-17',
  '2023-10-17T10:00:00Z',
  '12:30',
  '1:2:3',
  '-',
  '--',
  '---x',
  '?x',
  ':x',
  'a:b',
  'http://example.org/a#b',
  'a #b',
  'a#b',
  'a: b',
  'a:',
  'x\u00a0',
  'R&D *team*',
  "it's",
  'say "hi"',
  'a [b] {c}',
  'a, b',
  '£35.5 million',
  'people’s',
  'é',
];

const PLAIN_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789 -_.é’'];
const ODD_CHARS = [...PLAIN_CHARS, ...':#\'"[]{},!&*?|>%@`~\u00a0'];

const plainWord = fc.string({ unit: fc.constantFrom(...PLAIN_CHARS), minLength: 1, maxLength: 12 });

/** Mostly words evidence files use, sometimes with the characters YAML gives meaning to. */
const word = fc.oneof(
  { weight: 3, arbitrary: plainWord },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...ODD_CHARS), minLength: 1, maxLength: 12 }),
  },
);

/** Words for keys: mostly simple ones, and some js-yaml reads as other text or refuses. */
const key = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('a', 'b', 'title', 'k9', 'as-of', '_x', 'evidence') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'null',
      'true',
      'True',
      'NULL',
      'false',
      'constructor',
      'toString',
      '__proto__',
      'x y',
      '1',
      '-a',
      'a.b',
      "'q'",
      '"d"',
      'a b',
      '? x',
      '[a]',
    ),
  },
);

const comment = fc.oneof(
  { weight: 20, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(' # note', '  #', ' #: x', '#no-space') },
);

const plain = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_PLAIN) },
  { weight: 3, arbitrary: word },
);

const singleQuoted = word.map((text) => `'${text.replace(/'/g, "''")}'`);

const doubleQuoted = fc.oneof(
  { weight: 4, arbitrary: word.map((text) => `"${text.replace(/["\\]/g, '')}"`) },
  { weight: 1, arbitrary: fc.constantFrom('"a\\nb"', '"\\""', '"tab\\tx"', '"x" y') },
);

/** Words in brackets, mostly in the subset; a few forms (nested, quoted, over two lines) that are not. */
const flowSequence = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof({ weight: 4, arbitrary: plainWord }, plain), { maxLength: 4 })
      .chain((words) =>
        fc.constantFrom(', ', ',', ' , ').map((sep) => `[${words.map((w) => w.trim()).join(sep)}]`),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('[]', '[ ]', '[a,]', '[a, [b]]', '[a, "b"]', '[a,\n b]', '{a: 1}'),
  },
);

const scalar: fc.Arbitrary<ScalarNode> = fc.record({
  kind: fc.constant('scalar' as const),
  text: fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 2, arbitrary: singleQuoted },
    { weight: 1, arbitrary: doubleQuoted },
    { weight: 2, arbitrary: flowSequence },
  ),
  comment,
});

const blockLine = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 3 })),
  fc.oneof(
    { weight: 5, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom('# not a comment', 'trailing  ') },
    // Blank lines, some with more spaces than the text's indentation (js-yaml keeps those).
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }).map((n) => ' '.repeat(n)) },
  ),
);

const block: fc.Arbitrary<BlockNode> = fc.record({
  kind: fc.constant('block' as const),
  header: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '>- # c') },
    { weight: 1, arbitrary: fc.constantFrom('|2', '>1-', '|+-', '>#', '| x') },
  ),
  lines: fc.array(blockLine, { maxLength: 5 }),
  indent: fc.integer({ min: 1, max: 4 }),
  firstDeeper: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
});

const gap = fc.oneof(
  { weight: 6, arbitrary: fc.constant([] as string[]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string[]>([''], ['   '], ['# comment'], ['    # deep comment']),
  },
);

const tree = fc.letrec<{ node: Node; map: MappingNode; seq: SequenceNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'tree' }, scalar, block, tie('map'), tie('seq')),
  map: fc
    .tuple(
      fc.uniqueArray(fc.tuple(key, tie('node')), {
        selector: ([name]) => name,
        minLength: 1,
        maxLength: 4,
      }),
      fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, fc.constant(true)),
    )
    // Now and then a key twice, which js-yaml refuses.
    .map(([entries, twice]) => (twice ? [...entries, entries[0]!] : entries))
    .chain((entries) =>
      fc.record({
        kind: fc.constant('map' as const),
        entries: fc.constant(entries),
        gaps: fc.array(gap, { minLength: entries.length, maxLength: entries.length }),
        step: fc.integer({ min: 1, max: 4 }),
        compact: fc.boolean(),
        dashSpaces: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.constant(3)),
      }),
    ),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    items: fc.array(tie('node'), { maxLength: 4 }),
    step: fc.integer({ min: 1, max: 4 }),
    sameIndent: fc.boolean(),
    compact: fc.boolean(),
    dashSpaces: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.constant(2)),
  }),
}));

const spaces = (n: number): string => ' '.repeat(n);

/** A block scalar's lines at `indent`, some more indented (the first only if `firstDeeper`). */
function blockLines(block: BlockNode, indent: number): string[] {
  let first = !block.firstDeeper;
  return block.lines.map(([extra, text]) => {
    if (text.trim() === '') return text;
    const deeper = first ? 0 : extra;
    first = false;
    return `${spaces(indent + deeper)}${text}`;
  });
}

function renderMapping(map: MappingNode, column: number, compactFirst: boolean): string[] {
  const lines: string[] = [];
  map.entries.forEach(([name, value], i) => {
    if (!(compactFirst && i === 0)) lines.push(...(map.gaps[i] ?? []));
    lines.push(...renderEntry(`${spaces(column)}${name}:`, value, column, false));
  });
  return lines;
}

function renderSequence(seq: SequenceNode, column: number): string[] {
  return seq.items.flatMap((item) => renderEntry(`${spaces(column)}-`, item, column, true));
}

/**
 * The lines of one entry: `prefix` is the key and `:` (or the dash) of an
 * entry of a collection at `column`, `value` what follows.
 */
function renderEntry(prefix: string, value: Node, column: number, inSequence: boolean): string[] {
  switch (value.kind) {
    case 'scalar':
      return [`${prefix} ${value.text}${value.comment}`];
    case 'block':
      return [`${prefix} ${value.header}`, ...blockLines(value, column + value.indent)];
    case 'map': {
      if (value.entries.length === 0) return [`${prefix} {}`];
      if (inSequence && value.compact) {
        const inner = column + 1 + value.dashSpaces;
        const [first, ...rest] = renderMapping(value, inner, true);
        return [`${prefix}${spaces(value.dashSpaces)}${(first ?? '').slice(inner)}`, ...rest];
      }
      return [prefix, ...renderMapping(value, column + value.step, false)];
    }
    case 'seq': {
      if (value.items.length === 0) return [`${prefix} []`];
      if (inSequence && value.compact) {
        const inner = column + 1 + value.dashSpaces;
        const [first, ...rest] = renderSequence(value, inner);
        return [`${prefix}${spaces(value.dashSpaces)}${(first ?? '').slice(inner)}`, ...rest];
      }
      const at = !inSequence && value.sameIndent ? column : column + value.step;
      return [prefix, ...renderSequence(value, at)];
    }
  }
}

/** One document's lines: a mapping or a sequence at column 0, or now and then a scalar. */
function renderDocument(root: Node): string[] {
  switch (root.kind) {
    case 'map':
      return root.entries.length === 0 ? ['{}'] : renderMapping(root, 0, false);
    case 'seq':
      return root.items.length === 0 ? ['[]'] : renderSequence(root, 0);
    case 'scalar':
      return [root.text];
    case 'block':
      return [root.header, ...blockLines(root, 1)];
  }
}

/** A document's tree, mostly a mapping as evidence files are. */
const documentRoot = fc.oneof(
  { weight: 12, arbitrary: tree.map },
  { weight: 3, arbitrary: tree.seq },
  { weight: 1, arbitrary: tree.node },
);

/** YAML texts of one or more documents, with headers, markers and endings varied. */
export const subsetText: fc.Arbitrary<string> = fc
  .record({
    docs: fc.array(documentRoot, { minLength: 1, maxLength: 3 }),
    header: fc.constantFrom('', '# yaml-language-server: $schema=x.json\n', '---\n', '\n'),
    marker: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('---', '--- # next', '---  ') },
      { weight: 1, arbitrary: fc.constantFrom('...\n---', '--- a: 1', '----') },
    ),
    ending: fc.constantFrom('\n', '', '\n\n', '\n# end\n'),
  })
  .map(
    ({ docs, header, marker, ending }) =>
      header + docs.map((doc) => renderDocument(doc).join('\n')).join(`\n${marker}\n`) + ending,
  );

/**
 * Characters whose insertion or removal most often changes what YAML means,
 * and characters js-yaml refuses in scalars or reads specially.
 */
const MUTATION_CHARS = [
  ...' :#-\'"[]{}>|\t\n',
  '\x07',
  '\x9B',
  '\uFEFF',
  '\uFFFE',
  '\0',
  '\r',
  '\u2028',
];

type Mutation =
  | { kind: 'insert'; at: number; char: string }
  | { kind: 'delete'; at: number }
  | { kind: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    char: fc.constantFrom(...MUTATION_CHARS),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fc.nat(),
    by: fc.constantFrom(-2, -1, 1, 2),
  }),
);

function mutate(text: string, change: Mutation): string {
  if (change.kind === 'indent') {
    const lines = text.split('\n');
    const n = change.line % lines.length;
    const line = lines[n] as string;
    lines[n] = change.by > 0 ? spaces(change.by) + line : line.replace(/^ {1,2}/, '');
    return lines.join('\n');
  }
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  if (change.kind === 'insert') return text.slice(0, at) + change.char + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

/** Subset texts with one to three characters inserted, deleted or re-indented. */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(subsetText, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([text, changes]) => changes.reduce(mutate, text));
