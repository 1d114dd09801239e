import type { LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import jsyaml from 'js-yaml';
import type { YAMLParseError } from 'yaml';
import type { Diagnostic } from '../model/index.js';
import {
  lazyLocator,
  locateItemKey,
  offsetToPosition,
  scanItemPositions,
  treeLocator,
} from './positions.js';
import type { Locator, Position } from './positions.js';

export interface ParsedFile {
  file: string;
  /** The plain value of each YAML document. */
  docs: unknown[];
  locator: Locator;
  /** Position of each item of each document's `evidence` list (filled on demand). */
  itemPosition(doc: number, item: number): Position;
  diagnostics: Diagnostic[];
  /** Which parser produced the values: the fast one or the exact one. */
  parser: 'fast' | 'exact';
  /** The decoded text, when the file could be decoded. */
  text?: string;
}

/** Deeper than any evidence file needs; deeper documents are refused. */
export const MAX_DEPTH = 32;
/** Aliases a file may expand before it is treated as an attack. */
export const MAX_ALIASES = 100;

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s]/m;

function fileDiagnostic(
  file: string,
  code: string,
  message: string,
  position: Position = { line: 1, column: 1 },
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { code, severity, file, line: position.line, column: position.column, message };
}

/** Nesting depth of a plain value, without recursion. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    if (++visited > 5_000_000) return true;
    if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Deepest run of unclosed flow brackets, measured before parsing so a pathological file never reaches the parser. */
function flowDepthExceeds(text: string, limit: number): boolean {
  if (!text.includes('[') && !text.includes('{')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
    else if (c === 10) depth = Math.max(0, depth);
  }
  return false;
}

/**
 * Block nesting depth, measured from indentation before parsing, so that how
 * deep a file may nest never depends on how much stack the parser has left.
 * Each deeper indentation opens a level, and so does each "- " at the start of
 * a line; the lines of a block scalar (after `|` or `>`) are text, not levels.
 */
const BLOCK_SCALAR_START = /(?:^|[:\s-])[|>][-+0-9]*\s*(?:#.*)?\r?$/;

export function blockDepthExceeds(text: string, limit: number): boolean {
  const indents: number[] = [];
  let scalarIndent = -1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const blank =
      i >= end || text.charCodeAt(i) === 35 || (text.charCodeAt(i) === 13 && i + 1 >= end);
    if (!blank) {
      if (scalarIndent >= 0 && i - start > scalarIndent) {
        start = end + 1;
        continue;
      }
      scalarIndent = -1;
      const indent = i - start;
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      while (i + 1 < end && text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) {
        depth++;
        i += 2;
        while (i < end && text.charCodeAt(i) === 32) i++;
      }
      if (depth > limit) return true;
      if (BLOCK_SCALAR_START.test(text.slice(Math.max(i, end - 40), end))) scalarIndent = indent;
    }
    start = end + 1;
  }
  return false;
}

const YAML_CODES: Record<string, [code: string, advice: string]> = {
  DUPLICATE_KEY: ['yaml/duplicate-key', 'keep only one of them'],
  TAB_AS_INDENT: ['yaml/tab-indent', 'indent with spaces, not tabs'],
  BAD_INDENT: ['yaml/indentation', 'line the key up with the others at its level'],
  MISSING_CHAR: ['yaml/syntax', 'check for an unclosed quote or bracket'],
  BAD_SCALAR_START: ['yaml/syntax', 'quote the value if it starts with a special character'],
  MULTILINE_IMPLICIT_KEY: [
    'yaml/syntax',
    'check the indentation and that every key ends with a colon',
  ],
  UNEXPECTED_TOKEN: ['yaml/syntax', 'check the indentation and punctuation on this line'],
  BLOCK_AS_IMPLICIT_KEY: ['yaml/syntax', 'check the indentation on this line'],
};

/** Where an unclosed quote opened: the last line before `offset` with an odd number of that quote mark. */
function openingQuote(text: string, offset: number, quote: string): number | undefined {
  const lines = text.slice(0, offset).split('\n');
  let lineStart = offset - (lines[lines.length - 1] as string).length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    const body = line.replace(/\s#.*$/, '');
    const count = body.split(quote).length - 1;
    if (count % 2 === 1) return lineStart + body.lastIndexOf(quote, body.length);
    lineStart -= (lines[i - 1]?.length ?? 0) + 1;
  }
  return undefined;
}

function yamlErrorDiagnostic(
  file: string,
  error: YAMLParseError,
  lineCounter: LineCounter,
  text: string,
): Diagnostic {
  let [code, advice] = YAML_CODES[error.code] ?? [
    'yaml/syntax',
    'check the YAML syntax on this line',
  ];
  const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  let detail = error.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same mapping' : first;
  let offset = error.pos[0];
  const quote = /Missing closing (["'])quote/.exec(first)?.[1];
  if (/call stack/i.test(first)) {
    return fileDiagnostic(
      file,
      'yaml/too-deep',
      'YAML is nested too deeply to read; evidence files need only a few levels',
    );
  }
  if (quote) {
    detail = `a ${quote === '"' ? 'double' : 'single'} quote opened here is never closed`;
    advice = `close it, or remove it if the value needs no quotes`;
    offset = openingQuote(text, offset, quote) ?? offset;
  } else if (/without - indicator|at the same column/.test(first)) {
    [code, advice] = ['yaml/indentation', 'line the key up with the others at its level'];
    detail = 'this line is not indented like the lines around it';
  }
  return fileDiagnostic(
    file,
    code,
    `YAML cannot be read: ${detail}; ${advice}`,
    offsetToPosition(lineCounter, offset),
  );
}

/** Decodes UTF-8 strictly; reports the first bad byte's position. */
function decode(file: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  if (bytes.includes(0)) {
    return {
      diagnostic: fileDiagnostic(
        file,
        'file/binary',
        'file is binary, not YAML text; remove it or rename it so it does not end in .yaml',
      ),
    };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const before = loose.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      diagnostic: fileDiagnostic(
        file,
        'file/encoding',
        'file is not valid UTF-8 text; save it as UTF-8 in your editor',
        { line, column },
      ),
    };
  }
}

/** Parses with the fast parser; undefined when the file needs the exact one. */
function parseFast(text: string): unknown[] | undefined {
  if ((text.includes('&') || text.includes('*')) && ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    const docs: unknown[] = [];
    jsyaml.loadAll(text, (doc) => docs.push(doc), { schema: jsyaml.CORE_SCHEMA, json: false });
    return docs;
  } catch {
    return undefined;
  }
}

export interface ParseOptions {
  /** Skip the fast parser: used by tests to prove both paths agree. */
  exactOnly?: boolean;
}

export function parseEvidenceFile(
  file: string,
  bytes: Uint8Array,
  options: ParseOptions = {},
): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const empty = (diagnostic?: Diagnostic): ParsedFile => ({
    file,
    docs: [],
    locator: { locate: () => ({ line: 1, column: 1 }) },
    itemPosition: () => ({ line: 1, column: 1 }),
    diagnostics: diagnostic ? [diagnostic] : [],
    parser: 'exact',
  });

  const decoded = decode(file, bytes);
  if (decoded.text === undefined) return empty(decoded.diagnostic);
  const text = decoded.text;

  if (flowDepthExceeds(text, MAX_DEPTH) || blockDepthExceeds(text, MAX_DEPTH)) {
    return empty(
      fileDiagnostic(
        file,
        'yaml/too-deep',
        `YAML is nested more than ${MAX_DEPTH} levels deep; evidence files need only a few levels`,
      ),
    );
  }

  const fast = options.exactOnly ? undefined : parseFast(text);
  if (fast && !fast.some((doc) => depthExceeds(doc, MAX_DEPTH))) {
    const exact = lazyLocator(text);
    let scanned: Position[][] | undefined | null = null;
    let lines: string[] | undefined;
    const items = (): Position[][] | undefined => {
      if (scanned === null) {
        const counts = fast.map((d) => {
          const evidence = (d as { evidence?: unknown } | null)?.evidence;
          return Array.isArray(evidence) ? evidence.length : 0;
        });
        scanned = scanItemPositions(text, counts);
      }
      return scanned;
    };
    const itemPosition = (doc: number, item: number): Position =>
      items()?.[doc]?.[item] ?? exact.locate(doc, ['evidence', item]);
    // Warnings such as stale evidence point at an item's own keys; find those
    // by scanning the item's lines, and build the syntax tree only otherwise.
    const locator: Locator = {
      locate(doc, path, atKey) {
        const [first, item, key] = path;
        const start =
          first === 'evidence' && typeof item === 'number' ? items()?.[doc]?.[item] : undefined;
        if (start && path.length === 2) return start;
        if (start && path.length === 3 && typeof key === 'string') {
          lines ??= text.split(/\r?\n/);
          const found = locateItemKey(
            lines,
            start,
            items()?.[doc]?.[(item as number) + 1],
            key,
            atKey === true,
          );
          if (found) return found;
        }
        return exact.locate(doc, path, atKey);
      },
    };
    return { file, docs: fast, locator, itemPosition, diagnostics, parser: 'fast', text };
  }

  const lineCounter = new (yamlLib().LineCounter)();
  let parsed;
  try {
    parsed = yamlLib().parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
    });
  } catch (error) {
    if (error instanceof RangeError) {
      return empty(
        fileDiagnostic(
          file,
          'yaml/too-deep',
          'YAML is nested too deeply to read; evidence files need only a few levels',
        ),
      );
    }
    throw error;
  }
  const documents = Array.isArray(parsed) ? parsed : [];
  const locator = treeLocator(documents, lineCounter);
  const docs: unknown[] = [];
  let broken = false;
  for (const document of documents) {
    // Only the first syntax error of a document: the ones after it are usually its echoes.
    const error = document.errors[0];
    if (error) {
      diagnostics.push(yamlErrorDiagnostic(file, error, lineCounter, text));
      broken = true;
    }
    for (const warning of document.warnings) {
      diagnostics.push({
        ...yamlErrorDiagnostic(file, warning, lineCounter, text),
        severity: 'warn',
      });
    }
  }
  if (!broken) {
    for (let index = 0; index < documents.length; index++) {
      const document = documents[index]!;
      try {
        const value = document.toJS({ maxAliasCount: MAX_ALIASES });
        if (depthExceeds(value, MAX_DEPTH)) {
          diagnostics.push(
            fileDiagnostic(
              file,
              'yaml/too-deep',
              `YAML is nested more than ${MAX_DEPTH} levels deep; evidence files need only a few levels`,
              locator.locate(index, []),
            ),
          );
          docs.push(undefined);
          continue;
        }
        docs.push(value);
      } catch (error) {
        const message =
          error instanceof ReferenceError && /alias/i.test(error.message)
            ? `YAML uses too many aliases (more than ${MAX_ALIASES} expansions); write the values out instead of repeating anchors`
            : `YAML cannot be read: ${(error as Error).message}`;
        diagnostics.push(
          fileDiagnostic(file, 'yaml/alias-limit', message, locator.locate(index, [])),
        );
        docs.push(undefined);
      }
    }
  }
  return {
    file,
    docs,
    locator,
    itemPosition: (doc, item) => locator.locate(doc, ['evidence', item]),
    diagnostics,
    parser: 'exact',
    text,
  };
}
