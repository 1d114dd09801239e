import { isUtf8 } from 'node:buffer';
import jsyaml from 'js-yaml';
import type { Diagnostic } from '../model/index.js';
import { yamlLib } from './yaml-lib.js';
import { readBlockYaml } from './block-yaml.js';
import { blockDepthExceeds, depthExceeds, flowDepthExceeds, MAX_DEPTH } from './depth.js';
import { fileDiagnostic, yamlErrorDiagnostic } from './yaml-errors.js';
import { lazyLocator, locateItemKey, scanItemPositions, treeLocator } from './positions.js';
import type { Locator, Position } from './positions.js';

export { blockDepthExceeds, MAX_DEPTH } from './depth.js';

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

/** Aliases a file may expand before it is treated as an attack. */
export const MAX_ALIASES = 100;

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s]/m;

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
  if (isUtf8(bytes)) {
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // A byte order mark is not content (nor is a second one, which editors sometimes add).
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  }
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

interface FastParse {
  docs: unknown[];
  /** Whether the documents are known to nest no deeper than MAX_DEPTH. */
  depthChecked: boolean;
  /** The `evidence` items' positions, as scanItemPositions would find them, when already known. */
  items?: Position[][];
  /** Whether the text is known to have no CR, so that splitting at `\n` splits it into lines. */
  noCR: boolean;
}

/** Parses with the fast parsers; undefined when the file needs the exact one. */
function parseFast(text: string, blockReader: boolean): FastParse | undefined {
  if ((text.includes('&') || text.includes('*')) && ANCHOR_OR_ALIAS.test(text)) return undefined;
  // Most evidence files are plain block YAML, which the block reader reads several
  // times faster than js-yaml and gives the same values; it leaves the rest to js-yaml.
  const block = blockReader
    ? readBlockYaml(text, { maxDepth: MAX_DEPTH, listKey: 'evidence' })
    : undefined;
  if (block) return { docs: block.docs, depthChecked: true, items: block.items, noCR: true };
  try {
    const docs: unknown[] = [];
    jsyaml.loadAll(text, (doc) => docs.push(doc), { schema: jsyaml.CORE_SCHEMA, json: false });
    return { docs, depthChecked: false, noCR: false };
  } catch {
    return undefined;
  }
}

export interface ParseOptions {
  /** Skip the fast parsers: used by tests to prove both paths agree. */
  exactOnly?: boolean;
  /** `false` skips the block reader and goes straight to js-yaml: used by tests to prove both agree. */
  blockReader?: boolean;
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

  const fast = options.exactOnly ? undefined : parseFast(text, options.blockReader !== false);
  if (fast && (fast.depthChecked || !fast.docs.some((doc) => depthExceeds(doc, MAX_DEPTH)))) {
    const docs = fast.docs;
    const exact = lazyLocator(text);
    let scanned: Position[][] | undefined | null = fast.items ?? null;
    // Split once, on first need, for both the item scan and the key scan.
    let lines: string[] | undefined;
    const textLines = (): string[] =>
      (lines ??= fast.noCR ? text.split('\n') : text.split(/\r?\n/));
    const items = (): Position[][] | undefined => {
      if (scanned === null) {
        const counts = docs.map((d) => {
          const evidence = (d as { evidence?: unknown } | null)?.evidence;
          return Array.isArray(evidence) ? evidence.length : 0;
        });
        scanned = scanItemPositions(textLines(), counts);
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
          const found = locateItemKey(
            textLines(),
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
    return { file, docs, locator, itemPosition, diagnostics, parser: 'fast', text };
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
