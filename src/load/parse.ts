/**
 * Parsing evidence files: one story for every file.
 *
 * - One parser gives every value of every file, always: js-yaml, with the
 *   YAML 1.2 core schema exactly (core-schema.ts). `0b101`, `on` and `yes`
 *   are text, `-.5` and `0o17` are numbers, dates stay text, whatever the
 *   file's directives or comments say. While it reads, it also notes where
 *   each `evidence` item starts, so items carry their line and column.
 * - The `yaml` package gives the source positions of diagnostics: when a file
 *   cannot be read (its messages are the clearer), or when a check needs to
 *   point inside an item. It is loaded and run only then.
 * - One guard against hostile files, the same for every file: nesting deeper
 *   than MAX_DEPTH is refused from the text alone before parsing (so no
 *   parser's stack decides), and aliases that would write out more than
 *   MAX_ALIAS_EXPANSION extra nodes are refused once read.
 * - Nothing prints: every problem becomes a diagnostic on the file.
 * A property test (test/load/parse-differential.test.ts) holds the values to
 * what the `yaml` package reads with its core schema.
 */
import jsyaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../model/index.js';
import { withoutStacks, yamlLib } from './yaml-lib.js';
import { decodeText } from './decode.js';
import { YAML_12_CORE } from './core-schema.js';
import {
  aliasExpansion,
  blockDepthExceeds,
  depthExceeds,
  flowDepthExceeds,
  MAX_DEPTH,
} from './depth.js';
import { fileDiagnostic, yamlErrorDiagnostic } from './yaml-errors.js';
import { offsetToPosition, treeLocator } from './positions.js';
import type { Locator, Position } from './positions.js';

export { MAX_DEPTH } from './depth.js';

export interface ParsedFile {
  file: string;
  /** The plain value of each YAML document (undefined for one that could not be read). */
  docs: unknown[];
  locator: Locator;
  /** Position of each item of each document's `evidence` list. */
  itemPosition(doc: number, item: number): Position;
  diagnostics: Diagnostic[];
  /** The decoded text, when the file could be decoded. */
  text?: string;
  /**
   * Set when the file cannot be read: what could still be made of it (the
   * `yaml` package's partial reading of a file with a syntax error, or nothing),
   * so that the items it holds are counted as left out, not lost without a word.
   */
  unreadable?: Unreadable;
}

/** What could be made of a file that cannot be read: each document's partial value, and where its parts are. */
export interface Unreadable {
  docs: unknown[];
  locator: Locator;
}

/** Nothing could be made of the file: it counts as one entry left out, at its start. */
export const NOTHING_READ: Unreadable = {
  docs: [],
  locator: { locate: () => ({ line: 1, column: 1 }) },
};

/** More nodes than this added by writing out aliases, and the file is treated as an attack. */
export const MAX_ALIAS_EXPANSION = 10_000;

/** The options the `yaml` package parses with, wherever it does. */
export const PARSE_OPTIONS = {
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

/** An alias (`*name`) where YAML allows one: at the start of a value, after a flow indicator or a dash. */
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m;

const TOO_DEEP = `YAML is nested more than ${MAX_DEPTH} levels deep; evidence files need only a few levels`;
const TOO_MANY_ALIASES = `YAML repeats anchors through aliases too often (more than ${MAX_ALIAS_EXPANSION} nodes once written out); write the values out instead`;

/**
 * A file with nothing to read, and why. Its evidence is `unreadable` (by
 * default, nothing could be made of it); `null` for a file that holds none of
 * its own, skipped with a warning.
 */
export function unread(
  file: string,
  diagnostics: Diagnostic[],
  text?: string,
  unreadable: Unreadable | null = NOTHING_READ,
): ParsedFile {
  return {
    file,
    docs: [],
    locator: NOTHING_READ.locator,
    itemPosition: () => ({ line: 1, column: 1 }),
    diagnostics,
    ...(text !== undefined ? { text } : {}),
    ...(unreadable ? { unreadable } : {}),
  };
}

/** Where an item's own key and its value start. */
interface KeyPlace {
  key: Position;
  value: Position;
}

/** What js-yaml saw of one `evidence` item while reading it. */
interface ItemPlace {
  start: Position;
  /** Its keys in order, with where each and its value start. */
  keys: [string, KeyPlace][];
}

/**
 * Where each document's `evidence` items, and their keys and values, start:
 * noted from js-yaml's parse events while it reads, so a clean file never
 * needs a second parse for its positions. Positions are used only where they
 * are known to fit the values read (see parseEvidenceFile).
 */
class ItemPlaces {
  readonly docs: ItemPlace[][] = [];
  private depth = 0;
  /** Nodes met directly under the document's root, and under the current item: keys and values in turn. */
  private rootChild = 0;
  private itemChild = 0;
  private rootKey: unknown;
  private inEvidence = false;
  private keyAt: Position | undefined;

  constructor(private readonly text: string) {}

  private position(state: jsyaml.State, skipSpace: boolean): Position {
    let at = state.position;
    let line = state.line;
    let lineStart = state.lineStart;
    if (skipSpace) {
      // A value's start event comes before the space after its colon: skip it,
      // and any line breaks and comment lines, to where the value itself starts.
      for (;;) {
        const c = this.text.charCodeAt(at);
        if (c === 32 || c === 9) at++;
        else if (c === 10 || c === 13) {
          at++;
          if (c === 13 && this.text.charCodeAt(at) === 10) at++;
          line++;
          lineStart = at;
        } else if (c === 35) {
          while (at < this.text.length && this.text.charCodeAt(at) !== 10) at++;
        } else break;
      }
    }
    return { line: line + 1, column: at - lineStart + 1 };
  }

  private current(): ItemPlace | undefined {
    const items = this.docs[this.docs.length - 1];
    return items?.[items.length - 1];
  }

  listener = (event: 'open' | 'close', state: jsyaml.State): void => {
    if (event === 'open') {
      this.depth++;
      if (this.depth === 1) {
        this.docs.push([]);
        this.rootChild = 0;
      } else if (this.depth === 2) {
        this.inEvidence = this.rootChild % 2 === 1 && this.rootKey === 'evidence';
      } else if (this.depth === 3 && this.inEvidence) {
        (this.docs[this.docs.length - 1] as ItemPlace[]).push({
          start: this.position(state, false),
          keys: [],
        });
        this.itemChild = 0;
      } else if (this.depth === 4 && this.inEvidence) {
        if (this.itemChild % 2 === 0) this.keyAt = this.position(state, false);
        else if (this.keyAt) {
          const item = this.current();
          const key = item?.keys[item.keys.length - 1];
          if (key) key[1].value = this.position(state, true);
        }
      }
      return;
    }
    if (this.depth === 2) {
      if (this.rootChild % 2 === 0) this.rootKey = state.result;
      this.rootChild++;
      this.inEvidence = false;
    } else if (this.depth === 4 && this.inEvidence) {
      if (this.itemChild % 2 === 0 && this.keyAt && typeof state.result === 'string')
        this.current()?.keys.push([state.result, { key: this.keyAt, value: this.keyAt }]);
      else if (this.itemChild % 2 === 0) this.keyAt = undefined;
      this.itemChild++;
    }
    this.depth--;
  };
}

/** js-yaml's reading of the text: every document's value and where its items are, or the error. */
function readValues(text: string): { docs: unknown[]; places: ItemPlace[][] } | { error: Error } {
  const places = new ItemPlaces(text);
  try {
    const docs = jsyaml.loadAll(text, null, {
      schema: YAML_12_CORE,
      json: false,
      listener: places.listener,
    });
    return { docs, places: places.docs };
  } catch (error) {
    return { error: error as Error };
  }
}

/** The `yaml` package's syntax tree, for positions and clearer messages. */
function syntaxTree(text: string): {
  documents: Document.Parsed[];
  lineCounter: LineCounter;
} {
  const yaml = yamlLib();
  const lineCounter = new yaml.LineCounter();
  const parsed = withoutStacks(() =>
    yaml.parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }),
  );
  // An empty file parses to an empty list of documents (an EmptyStream).
  return { documents: Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [], lineCounter };
}

/**
 * What can be made out of a document that could not be read, enough to count
 * its items: the statement and framework it names, and each evidence item's
 * statement names. Read from the syntax tree, never turned into values: a
 * broken document's keys can be deeply nested collections, which the `yaml`
 * package would write out as text at a cost that grows with their depth.
 */
function madeOut(root: unknown, source: string): { value: unknown; starts: number[] } {
  const yaml = yamlLib();
  // A broken block list can hold entries its author never wrote: a line
  // indented short becomes an entry of its own. An item is an entry that
  // follows a "- " (every entry of a flow list `[…]` is one).
  const entries = (list: { flow?: boolean; items: unknown[] }): unknown[] =>
    list.flow === true
      ? list.items
      : list.items.filter((entry) => {
          const start = (entry as { range?: [number, number, number] } | null)?.range?.[0];
          if (start === undefined) return true;
          const lineStart = source.lastIndexOf('\n', start - 1) + 1;
          return /-[ \t]+$/.test(source.slice(lineStart, start));
        });
  const text = (node: unknown): string | undefined =>
    yaml.isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const field = (map: { items: { key: unknown; value: unknown }[] }, key: string): unknown =>
    map.items.find((pair) => yaml.isScalar(pair.key) && pair.key.value === key)?.value;
  const names = (node: unknown): Record<string, unknown> => {
    if (!yaml.isMap(node)) return {};
    const out: Record<string, unknown> = {};
    const framework = text(field(node, 'framework'));
    if (framework !== undefined) out.framework = framework;
    // One name or a list, whichever was written: the names are for counting.
    for (const key of ['statement', 'statements']) {
      const value = field(node, key);
      const one = text(value);
      if (one !== undefined) out[key] = one;
      else if (yaml.isSeq(value)) out[key] = value.items.flatMap((entry) => text(entry) ?? []);
    }
    return out;
  };
  /** Where each item kept starts, for its position: the tree's own numbering counts the others too. */
  const startsOf = (items: unknown[]): number[] =>
    items.map((item) => (item as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);
  if (root === null || root === undefined) return { value: null, starts: [] };
  if (yaml.isSeq(root)) {
    const items = entries(root);
    return { value: items.map(names), starts: startsOf(items) };
  }
  const document = names(root);
  const evidence = yaml.isMap(root) ? field(root, 'evidence') : undefined;
  if (!yaml.isSeq(evidence)) return { value: document, starts: [] };
  const items = entries(evidence);
  document.evidence = items.map(names);
  return { value: document, starts: startsOf(items) };
}

/**
 * A file js-yaml could not read: the diagnostics (the `yaml` package's, or
 * js-yaml's own), and the `yaml` package's partial reading of each document.
 */
function readFailure(file: string, text: string, error: Error): ParsedFile {
  if (error instanceof RangeError)
    return unread(file, [fileDiagnostic(file, 'yaml/too-deep', TOO_DEEP)], text);
  const { documents, lineCounter } = syntaxTree(text);
  const made = documents.map((document) => madeOut(document.contents, text));
  const tree = treeLocator(documents, lineCounter);
  const salvaged: Unreadable = {
    docs: made.map((m) => m.value),
    locator: {
      locate(doc, path, atKey) {
        const item = path[path.length - 1];
        const isItem = path.length === 1 || (path.length === 2 && path[0] === 'evidence');
        const start = isItem && typeof item === 'number' ? made[doc]?.starts[item] : undefined;
        return start === undefined
          ? tree.locate(doc, path, atKey)
          : offsetToPosition(lineCounter, start);
      },
    },
  };
  // Only the first error of a document: the ones after it are usually its echoes.
  const found = documents.flatMap((d) =>
    d.errors.length > 0 ? [yamlErrorDiagnostic(file, d.errors[0]!, lineCounter, text)] : [],
  );
  if (found.length > 0) return unread(file, found, text, salvaged);
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? error.message;
  const tag = /unknown tag/i.test(reason);
  const diagnostic = fileDiagnostic(
    file,
    'yaml/syntax',
    tag
      ? `YAML tag ${/<([^>]*)>/.exec(reason)?.[1] ?? ''} is not supported in evidence; write the value as plain text, a number or a list`
      : `YAML cannot be read: ${reason}`,
    mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined,
  );
  return unread(file, [diagnostic], text, salvaged);
}

/** A locator that builds the `yaml` syntax tree on first use. */
function lazyLocator(text: string): Locator {
  let locator: Locator | undefined;
  return {
    locate(doc, path, atKey) {
      if (!locator) {
        const { documents, lineCounter } = syntaxTree(text);
        locator = treeLocator(documents, lineCounter);
      }
      return locator.locate(doc, path, atKey);
    },
  };
}

export function parseEvidenceFile(file: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return unread(file, [decoded.diagnostic]);
  const text = decoded.text;

  if (flowDepthExceeds(text, MAX_DEPTH) || blockDepthExceeds(text, MAX_DEPTH))
    return unread(file, [fileDiagnostic(file, 'yaml/too-deep', TOO_DEEP)], text);

  const read = readValues(text);
  if ('error' in read) return readFailure(file, text, read.error);

  const tree = lazyLocator(text);
  const diagnostics: Diagnostic[] = [];
  // Without an alias, a value nests no deeper than its text, which was measured above.
  const aliased = ALIAS.test(text);
  const docs = read.docs.map((value, index) => {
    if (!aliased) return value;
    const problem =
      aliasExpansion(value) > MAX_ALIAS_EXPANSION
        ? ['yaml/alias-limit', TOO_MANY_ALIASES]
        : depthExceeds(value, MAX_DEPTH)
          ? ['yaml/too-deep', TOO_DEEP]
          : undefined;
    if (!problem) return value;
    diagnostics.push(fileDiagnostic(file, problem[0]!, problem[1]!, tree.locate(index, [])));
    return undefined;
  });
  /** What was noted of an item while reading, when it fits the value read exactly. */
  const placeOf = (doc: number, item: number): ItemPlace | undefined => {
    const evidence = (docs[doc] as { evidence?: unknown } | null | undefined)?.evidence;
    const places = read.places[doc];
    if (!places || !Array.isArray(evidence) || places.length !== evidence.length) return undefined;
    return places[item];
  };
  const keysFit = (place: ItemPlace, value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(value);
    return keys.length === place.keys.length && keys.every((k, i) => place.keys[i]?.[0] === k);
  };
  const itemPosition = (doc: number, item: number): Position =>
    placeOf(doc, item)?.start ?? tree.locate(doc, ['evidence', item]);
  const locator: Locator = {
    locate(doc, path, atKey) {
      const [first, item, key] = path;
      if (first === 'evidence' && typeof item === 'number') {
        if (path.length === 2) return itemPosition(doc, item);
        const place = placeOf(doc, item);
        const evidence = (docs[doc] as { evidence: unknown[] }).evidence;
        if (
          path.length === 3 &&
          typeof key === 'string' &&
          place &&
          keysFit(place, evidence[item])
        ) {
          const found = place.keys.find(([name]) => name === key);
          if (found) return atKey ? found[1].key : found[1].value;
        }
      }
      return tree.locate(doc, path, atKey);
    },
  };
  return { file, docs, locator, itemPosition, diagnostics, text };
}
