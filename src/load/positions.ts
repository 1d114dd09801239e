import type { LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Document, Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

/** Turns paths inside the documents of one file into 1-based lines and columns. */
export interface Locator {
  locate(doc: number, path: PathSegment[], atKey?: boolean): Position;
}

/** Position of a character offset, 1-based, counting columns in characters. */
export function offsetToPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * A locator built from `yaml`'s syntax tree. It walks down the path as far as
 * it exists and returns the deepest node found, so a missing key points at the
 * mapping that should hold it.
 */
export function treeLocator(docs: Document.Parsed[], lineCounter: LineCounter): Locator {
  return {
    locate(docIndex, path, atKey = false) {
      const doc = docs[docIndex];
      if (!doc) return { line: 1, column: 1 };
      let node: unknown = doc.contents;
      let offset = (doc.contents as Node | null)?.range?.[0] ?? doc.range[0];
      for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        if (yamlLib().isMap(node)) {
          const pair = node.items.find(
            (p) =>
              yamlLib().isPair(p) &&
              yamlLib().isScalar(p.key) &&
              String(p.key.value) === String(segment),
          );
          if (!pair) break;
          const key = pair.key as Node;
          if (last && atKey) {
            offset = key.range?.[0] ?? offset;
            break;
          }
          const value = pair.value as Node | null;
          offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
          node = value;
        } else if (yamlLib().isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else {
          break;
        }
      }
      return offsetToPosition(lineCounter, offset);
    },
  };
}

/** Builds the exact locator on first use only: valid files never pay for it. */
export function lazyLocator(text: string): Locator {
  let exact: Locator | undefined;
  return {
    locate(doc, path, atKey) {
      if (!exact) {
        const lineCounter = new (yamlLib().LineCounter)();
        const docs = yamlLib().parseAllDocuments(text, {
          lineCounter,
          uniqueKeys: false,
          // The package prints nothing of its own: every problem is a diagnostic.
          logLevel: 'silent',
        });
        exact = treeLocator(Array.isArray(docs) ? docs : [], lineCounter);
      }
      return exact.locate(doc, path, atKey);
    },
  };
}

const ITEM_DASH = /^( *)- /;

/**
 * Lines of the items of each document's top-level `evidence` list, found by a
 * cheap scan of block-style YAML. Returns undefined when the layout is not the
 * plain one or the counts disagree, so the caller falls back to the tree.
 */
export function scanItemPositions(
  lines: readonly string[],
  counts: number[],
): Position[][] | undefined {
  const result: Position[][] = [];
  let inEvidence = false;
  let dashIndent = -1;
  let current: Position[] = [];
  const endDoc = (): void => {
    result.push(current);
    current = [];
    inEvidence = false;
    dashIndent = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('---')) {
      if (i > 0 && (current.length > 0 || result.length > 0 || hasContentBefore(lines, i))) {
        endDoc();
      }
      continue;
    }
    if (line.startsWith('...')) continue;
    if (/^[^\s#-]/.test(line)) {
      inEvidence = /^evidence\s*:\s*(#.*)?$/.test(line);
      if (/^evidence\s*:\s*\S/.test(line) && !/^evidence\s*:\s*#/.test(line)) return undefined;
      continue;
    }
    if (!inEvidence) continue;
    const match = ITEM_DASH.exec(line) ?? (/^( *)-$/.exec(line) as RegExpExecArray | null);
    if (!match) continue;
    const indent = (match[1] as string).length;
    if (dashIndent < 0) dashIndent = indent;
    if (indent === dashIndent) current.push({ line: i + 1, column: indent + 3 });
  }
  endDoc();
  if (result.length !== counts.length) return undefined;
  for (let d = 0; d < counts.length; d++) {
    if ((result[d] as Position[]).length !== counts[d]) return undefined;
  }
  return result;
}

function hasContentBefore(lines: readonly string[], index: number): boolean {
  for (let i = 0; i < index; i++) {
    const line = (lines[i] as string).trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith('%')) return true;
  }
  return false;
}

/**
 * Position of `key` (or of its value) inside a block-style item that starts at
 * `start`, found by scanning the item's lines. Undefined when the key is not a
 * plain one-line entry, so the caller falls back to the syntax tree.
 */
export function locateItemKey(
  lines: readonly string[],
  start: Position,
  next: Position | undefined,
  key: string,
  atKey: boolean,
): Position | undefined {
  const indent = start.column - 1;
  const last = next ? next.line - 1 : lines.length;
  for (let n = start.line; n <= last; n++) {
    const line = lines[n - 1];
    if (line === undefined) return undefined;
    if (n > start.line) {
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const lead = line.length - line.trimStart().length;
      if (lead < indent || line.startsWith('---')) return undefined;
      if (lead > indent) continue;
    }
    const rest = line.slice(indent);
    if (!rest.startsWith(`${key}:`)) continue;
    if (atKey) return { line: n, column: indent + 1 };
    const after = rest.slice(key.length + 1);
    const value = after.trimStart();
    if (value === '' || value.startsWith('#') || after.length === value.length) return undefined;
    return { line: n, column: indent + key.length + 2 + (after.length - value.length) };
  }
  return undefined;
}
