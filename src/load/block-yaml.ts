/**
 * A fast reader for the plain block-style YAML that evidence files are
 * written in. Parsing is the largest single cost of a run, and a reader that
 * only knows this subset is several times faster than js-yaml.
 *
 * The one rule: whenever it returns documents, they deep-equal what js-yaml's
 * loadAll with CORE_SCHEMA returns; for anything outside the subset, or
 * anything it is not certain of, it returns undefined and the caller runs
 * js-yaml, which keeps every diagnostic as it was.
 *
 * The subset: `#` comments and blank lines; `---` between documents; block
 * mappings whose keys are simple words (block-keys.ts); block sequences,
 * including `- key: value` items and sequences as indented as their parent
 * key; and the scalars in block-scalars.ts. Refused: tabs, CRs, NULs, control
 * characters in values, a byte order mark, anchors, aliases, tags,
 * directives, `...`, flow mappings, quoted or complex keys, scalars over
 * several lines (other than block scalars), a scalar alone on the line below
 * its key or dash, a root that is not a mapping or sequence, and values
 * nested deeper than `maxDepth`.
 */
import type { Position } from './positions.js';
import {
  OUTSIDE_SUBSET,
  SCHEMA_AS_EXPECTED,
  readBlockHeader,
  readBlockScalar,
  readDoubleQuoted,
  readFlowSequence,
  readPlain,
  readSingleQuoted,
  restIsBlank,
} from './block-scalars.js';
import type { LineCursor } from './block-scalars.js';
import { keyAt, keyEnd } from './block-keys.js';

export interface BlockYaml {
  /** The plain value of each document, as js-yaml gives them. */
  docs: unknown[];
  /**
   * Where each item of each document's top-level `listKey` sequence starts,
   * exactly as scanItemPositions (positions.ts) finds them: the dash's line
   * and its column + 2. Undefined when that scan could see the text otherwise.
   */
  items: Position[][] | undefined;
}

export interface BlockYamlOptions {
  /** Refuse values nested deeper than this, counted as depthExceeds (depth.ts) counts: the root is 0. */
  maxDepth?: number;
  /** The top-level key whose sequence items `items` locates. */
  listKey?: string;
}

/** Nothing but spaces on one line: js-yaml finds no document at all in it. */
const EMPTY_STREAM = /^ *\n?$/;

/**
 * Longer texts are left to js-yaml: this keeps every document under the 5
 * million values after which depthExceeds gives up, so a depth within
 * maxDepth here always means depthExceeds would say false.
 */
const MAX_LENGTH = 2_000_000;

/** Deep enough for any evidence file, and well inside js-yaml's own limit of 100. */
const DEFAULT_MAX_DEPTH = 64;

/** The documents of `text` exactly as js-yaml's loadAll with CORE_SCHEMA gives them, or undefined when the text uses anything outside the subset read here. */
export function parseBlockYaml(text: string): unknown[] | undefined {
  return readBlockYaml(text)?.docs;
}

/**
 * Like parseBlockYaml, with the positions of the `listKey` items. A text it
 * reads has no CR, so splitting it at `\n` splits it into lines.
 */
export function readBlockYaml(text: string, options: BlockYamlOptions = {}): BlockYaml | undefined {
  if (!SCHEMA_AS_EXPECTED || text.length > MAX_LENGTH) return undefined;
  if (!hasOnlySupportedCharacters(text)) return undefined;
  if (EMPTY_STREAM.test(text)) return { docs: [], items: undefined };
  const reader = new Reader(text, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.listKey);
  try {
    return reader.read();
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/**
 * No tab or CR (js-yaml reads them as white space and line breaks), no NUL
 * (js-yaml refuses it anywhere) and no lone surrogate (js-yaml refuses those
 * in scalars). Other characters js-yaml refuses in scalars are looked for in
 * each scalar's text; elsewhere (indentation, keys) anything but the
 * characters this reader expects is refused anyway, and comments may hold
 * anything, as in js-yaml.
 */
function hasOnlySupportedCharacters(text: string): boolean {
  if (text.includes('\t') || text.includes('\r') || text.includes('\0')) return false;
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;

/** A sequence entry's dash at `at`: `-` then a space or the end of the line. */
function isDash(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
}

/**
 * Reads one text. The reader is always at a line: after each read* method,
 * the first content line after the node it read. `indent` is that line's
 * indentation, or -1 at the end of a document (a `---` line or the end of the
 * text), so that a collection goes on exactly while `indent` equals its own.
 */
class Reader {
  /** Offsets of the line's start and of its end (its `\n` or the end of the text). */
  start = 0;
  end = 0;
  /** The line's index (0-based). */
  line = 0;
  indent = 0;
  /** Whether the reader stopped at a `---` line rather than the end of the text. */
  private atMarker = false;
  private itemsKnown: boolean;
  private readonly after: LineCursor = { start: 0, line: 0 };

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly listKey: string | undefined,
  ) {
    this.itemsKnown = listKey !== undefined;
  }

  read(): BlockYaml {
    const docs: unknown[] = [];
    const items: Position[][] = [];
    this.advance(0, 0);
    // Comments before the first `---` are not a document of their own.
    if (this.atMarker) this.advance(this.end + 1, this.line + 1);
    for (;;) {
      const record: Position[] = [];
      docs.push(this.readDocument(record));
      items.push(record);
      if (!this.atMarker) return { docs, items: this.itemsKnown ? items : undefined };
      this.advance(this.end + 1, this.line + 1);
    }
  }

  /** Moves to the first line from offset `from` (line `line`) that is neither blank nor a comment. */
  private advance(from: number, line: number): void {
    const { text } = this;
    for (let start = from, n = line; start < text.length; n++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let at = start;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) !== HASH) {
        this.start = start;
        this.end = end;
        this.line = n;
        this.atMarker = at === start && this.isMarker(start, end);
        this.indent = this.atMarker ? -1 : at - start;
        return;
      }
      start = end + 1;
    }
    this.atMarker = false;
    this.indent = -1;
  }

  /** A `---` line between documents; `...` and `---` with content after it are refused. */
  private isMarker(start: number, end: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(start);
    if (c !== DASH && c !== 0x2e) return false;
    if (!text.startsWith(c === DASH ? '---' : '...', start)) return false;
    if (start + 3 < end && text.charCodeAt(start + 3) !== SPACE) return false;
    if (c !== DASH || !restIsBlank(text, start + 3, end)) throw OUTSIDE_SUBSET;
    return true;
  }

  private readDocument(record: Position[]): unknown {
    if (this.indent < 0) return null;
    if (this.indent !== 0) throw OUTSIDE_SUBSET;
    let value: unknown;
    if (isDash(this.text, this.start, this.end)) {
      this.itemsKnown = false;
      value = this.readSequence(0, 0);
    } else {
      value = this.readMapping(0, 0, record);
    }
    // Anything left over is an error in js-yaml.
    if (!this.atDocumentEnd()) throw OUTSIDE_SUBSET;
    return value;
  }

  private atDocumentEnd(): boolean {
    return this.indent === -1;
  }

  /**
   * A block mapping whose keys are at `column`, the first on the current line
   * (after a `- ` when it is a sequence item). `record` is given for the
   * top-level mapping only, to collect the `listKey` items.
   */
  private readMapping(column: number, depth: number, record?: Position[]): unknown {
    if (depth >= this.maxDepth) throw OUTSIDE_SUBSET;
    const map: Record<string, unknown> = {};
    for (;;) {
      const at = this.start + column;
      const colon = keyEnd(this.text, at, this.end);
      if (colon < 0) throw OUTSIDE_SUBSET;
      const key = keyAt(this.text, at, colon);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw OUTSIDE_SUBSET;
      map[key] =
        record !== undefined && key === this.listKey
          ? this.readListValue(colon + 1, depth + 1, record)
          : this.readValue(colon + 1, column, depth + 1, false);
      if (this.indent < column) return map;
      if (this.indent > column) throw OUTSIDE_SUBSET;
    }
  }

  /** The top-level `listKey` value, recording its items when it is a block sequence below the key. */
  private readListValue(at: number, depth: number, record: Position[]): unknown {
    // scanItemPositions gives up on a file with anything but a comment after `evidence:`.
    if (!restIsBlank(this.text, at, this.end)) {
      this.itemsKnown = false;
      return this.readValue(at, 0, depth, false);
    }
    const value = this.readBelow(0, depth, true, record);
    if (value !== null && !Array.isArray(value)) this.itemsKnown = false;
    return value;
  }

  /** A block sequence whose dashes are at `column`, the first on the current line. */
  private readSequence(column: number, depth: number, record?: Position[]): unknown {
    if (depth >= this.maxDepth) throw OUTSIDE_SUBSET;
    const items: unknown[] = [];
    for (;;) {
      record?.push({ line: this.line + 1, column: column + 3 });
      const empty = restIsBlank(this.text, this.start + column + 1, this.end);
      items.push(this.readValue(this.start + column + 1, column, depth + 1, true));
      if (this.indent < column) {
        // After an empty entry js-yaml takes a dash on the next line for this
        // sequence's, however little it is indented: refused here.
        if (empty && this.indent >= 0 && isDash(this.text, this.start + this.indent, this.end)) {
          throw OUTSIDE_SUBSET;
        }
        return items;
      }
      if (this.indent > column) throw OUTSIDE_SUBSET;
      // A key at the dashes' column ends the sequence; only a parent mapping there may go on.
      if (!isDash(this.text, this.start + column, this.end)) return items;
    }
  }

  /**
   * The value from offset `at` of the current line, just after a key's `:`
   * or an item's `-`, inside a collection at column `parentIndent`. Only a
   * sequence item may hold a mapping or sequence on its own line (`- a: 1`).
   */
  private readValue(at: number, parentIndent: number, depth: number, inSequence: boolean): unknown {
    const { text, end } = this;
    let start = at;
    while (start < end && text.charCodeAt(start) === SPACE) start++;
    if (start === end || text.charCodeAt(start) === HASH) {
      return this.readBelow(parentIndent, depth, !inSequence);
    }
    let value: unknown;
    switch (text.charCodeAt(start)) {
      case 0x7c: // `|`
      case 0x3e: {
        // `>`
        const header = readBlockHeader(text, start, end);
        value = readBlockScalar(text, end + 1, this.line + 1, parentIndent, header, this.after);
        this.advance(this.after.start, this.after.line);
        return value;
      }
      case 0x27: // `'`
        value = readSingleQuoted(text, start, end);
        break;
      case 0x22: // `"`
        value = readDoubleQuoted(text, start, end);
        break;
      case 0x5b: // `[`
        value = readFlowSequence(text, start, end);
        if ((value as unknown[]).length > 0 && depth >= this.maxDepth) throw OUTSIDE_SUBSET;
        break;
      default:
        if (inSequence && isDash(text, start, end)) {
          return this.readSequence(start - this.start, depth);
        }
        if (inSequence && keyEnd(text, start, end) >= 0) {
          return this.readMapping(start - this.start, depth);
        }
        value = readPlain(text, start, end);
    }
    this.advance(end + 1, this.line + 1);
    return value;
  }

  /**
   * The value of a key or dash with nothing after it: a mapping or sequence
   * on the lines below, more indented than `parentIndent` (or, for a key, a
   * sequence just as indented), or else null.
   */
  private readBelow(
    parentIndent: number,
    depth: number,
    sameIndentSequence: boolean,
    record?: Position[],
  ): unknown {
    this.advance(this.end + 1, this.line + 1);
    const { indent } = this;
    const dash = indent >= 0 && isDash(this.text, this.start + indent, this.end);
    if (indent > parentIndent) {
      if (dash) return this.readSequence(indent, depth, record);
      // A scalar alone on the line below is refused here: readMapping needs a key.
      return this.readMapping(indent, depth);
    }
    if (indent === parentIndent && sameIndentSequence && dash) {
      return this.readSequence(indent, depth, record);
    }
    return null;
  }
}
