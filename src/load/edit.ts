/**
 * Making the safe corrections of `--fix` to a file's text. Each fix names a
 * key or a value by its path in a YAML document; the `yaml` package's
 * document model finds that node and its exact source range, and only those
 * characters are replaced. Comments, quoting, spacing and every other line
 * stay as they were. A fix whose node is not there, no longer holds what the
 * diagnostic saw, or spans lines is not made, nor a key fix that would make
 * a duplicate key.
 */
import type { Node } from 'yaml';
import type { Fix } from '../model/index.js';
import { yamlLib } from './yaml-lib.js';
import { PARSE_OPTIONS } from './parse.js';

export interface Edited {
  text: string;
  /** The fixes made, in file order. */
  applied: Fix[];
}

interface Splice {
  start: number;
  end: number;
  text: string;
  fix: Fix;
}

/** The node at a path: the value at its end, or with `key` the key there. */
function nodeAt(doc: unknown, path: readonly (string | number)[], key: boolean): unknown {
  const yaml = yamlLib();
  let node: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (yaml.isMap(node)) {
      const pair = node.items.find(
        (p) => yaml.isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return undefined;
      node = last && key ? pair.key : pair.value;
    } else if (yaml.isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else return undefined;
  }
  return node;
}

/** The scalar a fix points at: the key or the value at the end of its path. */
function target(doc: unknown, fix: Fix): Node | undefined {
  const node = nodeAt(doc, fix.path, fix.key);
  return yamlLib().isScalar(node) ? node : undefined;
}

/**
 * Whether a key fix would give its mapping a key it already has, or one an
 * earlier fix gives it: the rename would make a duplicate key, a YAML error
 * in a file that could be read, so it is not made.
 */
function duplicates(doc: unknown, fix: Fix, renamed: ReadonlySet<string>): boolean {
  if (!fix.key) return false;
  const yaml = yamlLib();
  const mapping = nodeAt(doc, fix.path.slice(0, -1), false);
  if (!yaml.isMap(mapping)) return true;
  return (
    renamed.has(renameOf(fix)) ||
    mapping.items.some((p) => yaml.isScalar(p.key) && String(p.key.value) === fix.to)
  );
}

/** Which key of which mapping a key fix makes, to tell two fixes making the same key apart. */
function renameOf(fix: Fix): string {
  return JSON.stringify([fix.doc, ...fix.path.slice(0, -1), fix.to]);
}

/** The new source text for a scalar, in the style it was written in; undefined when that style cannot hold it. */
function written(style: string | undefined, to: string): string | undefined {
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(to);
  if (style === 'QUOTE_SINGLE') return `'${to.replace(/'/g, "''")}'`;
  if (style === 'PLAIN' && /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(to)) return to;
  return undefined;
}

export function applyFixes(text: string, fixes: readonly Fix[]): Edited {
  const yaml = yamlLib();
  const docs = yaml.parseAllDocuments(text, PARSE_OPTIONS);
  const documents = Array.isArray(docs) ? docs : [];
  const splices: Splice[] = [];
  const renamed = new Set<string>();
  for (const fix of fixes) {
    const contents = documents[fix.doc]?.contents;
    const node = target(contents, fix);
    if (!node || !yaml.isScalar(node) || !node.range || String(node.value) !== fix.from) continue;
    const [start, end] = node.range;
    const replacement = written(node.type, fix.to);
    if (replacement === undefined || /[\r\n]/.test(text.slice(start, end))) continue;
    if (splices.some((s) => s.start < end && start < s.end)) continue;
    if (duplicates(contents, fix, renamed)) continue;
    if (fix.key) renamed.add(renameOf(fix));
    splices.push({ start, end, text: replacement, fix });
  }
  splices.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return { text: out + text.slice(at), applied: splices.map((s) => s.fix) };
}

/**
 * A unified diff of two versions of a file whose lines correspond one to one
 * (fixes never add or remove a line), with three lines of context.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  const lines = (text: string): string[] =>
    (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const a = lines(before);
  const b = lines(after);
  if (a.length !== b.length) throw new Error('unifiedDiff: fixes must keep the number of lines');
  const changed = a.flatMap((line, i) => (line !== b[i] ? [i] : []));
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - 3);
    const to = Math.min(a.length - 1, i + 3);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  let out = `--- a/${file}\n+++ b/${file}\n`;
  for (const [from, to] of hunks) {
    const count = to - from + 1;
    out += `@@ -${from + 1},${count} +${from + 1},${count} @@\n`;
    for (let i = from; i <= to; i++) {
      if (a[i] === b[i]) out += ` ${a[i]}\n`;
      else out += `-${a[i]}\n+${b[i]}\n`;
    }
  }
  return out;
}
