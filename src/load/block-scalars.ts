/**
 * The scalars of the YAML subset that block-yaml.ts reads: one-line plain,
 * single-quoted and escape-free double-quoted scalars, one-line flow
 * sequences of plain words, and literal and folded block scalars. Values are
 * typed exactly as js-yaml types them with CORE_SCHEMA, using js-yaml's own
 * resolvers. Anything outside the subset throws OUTSIDE_SUBSET, so that the
 * caller hands the whole file to js-yaml instead.
 *
 * Each reader takes the whole text, the offset where the scalar starts and the
 * offset where its line ends: working on the one flat string is faster than
 * on lines split from it.
 */
import jsyaml from 'js-yaml';

/** Thrown (never returned) when the text is outside the subset; caught in block-yaml.ts. */
export const OUTSIDE_SUBSET: unique symbol = Symbol('outside the block YAML subset');

interface ImplicitType {
  tag: string;
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

const IMPLICIT = (jsyaml.CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] })
  .compiledImplicit;

/**
 * The first-character test in plainValue assumes these implicit types and no
 * others (no timestamps: dates stay strings). If js-yaml ever changes them the
 * fast reader turns itself off rather than type a value differently.
 */
export const SCHEMA_AS_EXPECTED =
  Array.isArray(IMPLICIT) &&
  IMPLICIT.map((type) => type.tag).join() ===
    ['null', 'bool', 'int', 'float'].map((name) => `tag:yaml.org,2002:${name}`).join();

/** The only words, starting with a letter, that CORE_SCHEMA reads as null or a boolean. */
const NULL_OR_BOOL_WORDS = new Set(
  ['null', 'true', 'false'].flatMap((word) => [
    word,
    word.toUpperCase(),
    word[0]!.toUpperCase() + word.slice(1),
  ]),
);

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;

/**
 * Characters js-yaml refuses in a scalar's text (as its PATTERN_NON_PRINTABLE
 * does; lone surrogates, which it refuses too, are caught for the whole text
 * by block-yaml.ts). Each reader tests the text it takes: the check costs a
 * third of the reading when run over the whole file instead.
 */
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/**
 * The value of a plain scalar, typed as CORE_SCHEMA types it. Only text that
 * starts like a number (`0-9 - + .`), `~`, or is one of the null and boolean
 * words can be anything but a string (null, bool, int and float all say so),
 * so all other text skips the resolvers: plain words stay cheap strings.
 */
export function plainValue(text: string): unknown {
  const c = text.charCodeAt(0);
  const numberLike = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
  const mayBeWord = (text.length === 4 || text.length === 5) && NULL_OR_BOOL_WORDS.has(text);
  if (!numberLike && !mayBeWord && c !== 0x7e) return text;
  for (const type of IMPLICIT) {
    if (type.resolve(text)) return type.construct(text);
  }
  return text;
}

/** True when nothing but spaces, then optionally a comment after a space, follows `from` on its line. */
export function restIsBlank(text: string, from: number, end: number): boolean {
  let at = from;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at === end || (at > from && text.charCodeAt(at) === HASH);
}

/** Characters that cannot start a plain scalar (flow indicators, `#`, anchors, tags, reserved). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/**
 * A plain scalar from `from` to its line's `end`. js-yaml would continue it
 * on a more-indented next line; the caller refuses those. A `: ` (or a final
 * `:`) would start a mapping on the same line, which YAML forbids.
 */
export function readPlain(text: string, from: number, end: number): unknown {
  const first = text.charCodeAt(from);
  if (NOT_PLAIN_START[first] === 1) throw OUTSIDE_SUBSET;
  // "- ", "? " and ": " are block indicators, not text.
  if (first === 0x2d || first === 0x3f || first === COLON) {
    if (from + 1 === end || text.charCodeAt(from + 1) === SPACE) throw OUTSIDE_SUBSET;
  }
  let value = text.slice(from, end);
  const comment = value.indexOf(' #');
  if (comment >= 0) value = value.slice(0, comment);
  // Only spaces: js-yaml keeps other white space, such as a no-break space, at the end.
  let length = value.length;
  while (value.charCodeAt(length - 1) === SPACE) length--;
  if (length < value.length) value = value.slice(0, length);
  if (value.includes(': ') || value.charCodeAt(value.length - 1) === COLON) throw OUTSIDE_SUBSET;
  if (NON_PRINTABLE.test(value)) throw OUTSIDE_SUBSET;
  return plainValue(value);
}

/** A single-quoted scalar that closes on its own line (`''` is a quote). */
export function readSingleQuoted(text: string, from: number, end: number): string {
  let value = '';
  let start = from + 1;
  for (;;) {
    const quote = text.indexOf("'", start);
    if (quote < 0 || quote >= end) throw OUTSIDE_SUBSET;
    if (text.charCodeAt(quote + 1) === 0x27) {
      value += text.slice(start, quote + 1);
      start = quote + 2;
      continue;
    }
    if (!restIsBlank(text, quote + 1, end)) throw OUTSIDE_SUBSET;
    if (NON_PRINTABLE.test(text.slice(from, quote))) throw OUTSIDE_SUBSET;
    return value + text.slice(start, quote);
  }
}

/** A double-quoted scalar without escapes that closes on its own line. */
export function readDoubleQuoted(text: string, from: number, end: number): string {
  const quote = text.indexOf('"', from + 1);
  if (quote < 0 || quote >= end || !restIsBlank(text, quote + 1, end)) throw OUTSIDE_SUBSET;
  const escape = text.indexOf('\\', from + 1);
  if (escape >= 0 && escape < quote) throw OUTSIDE_SUBSET;
  const value = text.slice(from + 1, quote);
  if (NON_PRINTABLE.test(value)) throw OUTSIDE_SUBSET;
  return value;
}

/** Character classes for flow sequence words, by code below 128: 2 starts a word, 1 may follow. */
const FLOW_WORD = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') {
  FLOW_WORD[c.charCodeAt(0)] = 2;
}
for (const c of './- ') FLOW_WORD[c.charCodeAt(0)] = 1;

/**
 * As FLOW_WORD, and any character from U+00A0 to U+FFFD starts a word too:
 * YAML gives none of them a meaning (and js-yaml refuses U+FFFE and U+FFFF).
 */
function flowWordClass(c: number): number {
  return c < 128 ? (FLOW_WORD[c] as number) : c >= 0xa0 && c <= 0xfffd ? 2 : 0;
}

/**
 * A one-line flow sequence of plain words such as `[market, safeguarding]`:
 * each starts with a letter, digit, `_` or a character from U+00A0, and
 * holds only those and `. / -` and spaces. Anything that could change how
 * js-yaml splits or types it (quotes, nesting, `:`, `#`, empty entries, a
 * trailing comma) is refused.
 */
export function readFlowSequence(text: string, from: number, end: number): unknown[] {
  const close = text.indexOf(']', from + 1);
  if (close < 0 || close >= end || !restIsBlank(text, close + 1, end)) throw OUTSIDE_SUBSET;
  const items: unknown[] = [];
  let at = from + 1;
  while (text.charCodeAt(at) === SPACE) at++;
  if (at === close) return items;
  for (;;) {
    // A word, then spaces, then `,` or the `]`.
    if (flowWordClass(text.charCodeAt(at)) !== 2) throw OUTSIDE_SUBSET;
    const start = at;
    let last = at;
    for (at++; at < close; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x2c) break;
      if (flowWordClass(c) === 0) throw OUTSIDE_SUBSET;
      if (c !== SPACE) last = at;
    }
    items.push(plainValue(text.slice(start, last + 1)));
    if (at === close) return items;
    // Also refuses an empty entry: an error in js-yaml, or a trailing comma it forgives.
    at++;
    while (text.charCodeAt(at) === SPACE) at++;
  }
}

export interface BlockScalarHeader {
  folded: boolean;
  chomping: 'clip' | 'strip' | 'keep';
}

/** The `|`, `>`, `|-`, `>+`... header at `from`; explicit indentation and anything else refused. */
export function readBlockHeader(text: string, from: number, end: number): BlockScalarHeader {
  const folded = text.charCodeAt(from) === 0x3e;
  const sign = text.charCodeAt(from + 1);
  const chomping = sign === 0x2d ? 'strip' : sign === 0x2b ? 'keep' : 'clip';
  const after = chomping === 'clip' ? from + 1 : from + 2;
  if (!restIsBlank(text, after, end)) throw OUTSIDE_SUBSET;
  return { folded, chomping };
}

/** Where a block scalar stopped: the start and index of the first line after it. */
export interface LineCursor {
  start: number;
  line: number;
}

/**
 * The text of a block scalar whose content may start at offset `start` (line
 * `line`), inside a collection indented `parentIndent`. Follows js-yaml's
 * reading: the indentation is the first content line's (or a deeper blank
 * line's before it), more-indented lines are kept as they are in folded text,
 * and chomping applies at the first less-indented line or the end of the text.
 * A `---` line ends it too, being less indented. Sets `cursor` to the line
 * after the scalar.
 */
export function readBlockScalar(
  text: string,
  start: number,
  line: number,
  parentIndent: number,
  { folded, chomping }: BlockScalarHeader,
  cursor: LineCursor,
): string {
  let value = '';
  let indent = parentIndent + 1;
  let detected = false;
  let read = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  let at = start;
  let n = line;
  let lastEnd = start; // the end of the last content line
  for (; at < text.length; at = cursor.start, n++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    cursor.start = end + 1;
    let spaces = at;
    if (detected) {
      const deepest = at + indent;
      while (spaces < deepest && text.charCodeAt(spaces) === SPACE) spaces++;
    } else {
      while (text.charCodeAt(spaces) === SPACE) spaces++;
      if (spaces - at > indent) indent = spaces - at;
    }
    if (spaces === end) {
      emptyLines++;
      continue;
    }
    if (spaces - at < indent) break;
    if (!folded) {
      value += '\n'.repeat(read ? emptyLines + 1 : emptyLines);
    } else if (text.charCodeAt(spaces) === SPACE) {
      atMoreIndented = true;
      value += '\n'.repeat(read ? emptyLines + 1 : emptyLines);
    } else if (atMoreIndented) {
      atMoreIndented = false;
      value += '\n'.repeat(emptyLines + 1);
    } else if (emptyLines === 0) {
      if (read) value += ' ';
    } else {
      value += '\n'.repeat(emptyLines);
    }
    value += text.slice(spaces, end);
    lastEnd = end;
    read = detected = true;
    emptyLines = 0;
  }
  // One test for all its lines: spaces and line breaks between them are printable.
  if (NON_PRINTABLE.test(text.slice(start, lastEnd))) throw OUTSIDE_SUBSET;
  if (chomping === 'keep') value += '\n'.repeat(read ? emptyLines + 1 : emptyLines);
  else if (chomping === 'clip' && read) value += '\n';
  cursor.start = at;
  cursor.line = n;
  return value;
}
