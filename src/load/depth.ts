/**
 * How deeply a YAML file nests, measured before and after parsing, so a
 * pathological file is refused quickly and the same way every time.
 */

/** Deeper than any evidence file needs; deeper documents are refused. */
export const MAX_DEPTH = 32;

/** Nesting depth of a plain value, without recursion. */
export function depthExceeds(value: unknown, limit: number): boolean {
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
export function flowDepthExceeds(text: string, limit: number): boolean {
  // Depth never passes the number of opening brackets: count them first, which is cheap.
  let opening = 0;
  for (let at = text.indexOf('['); at >= 0 && opening <= limit; at = text.indexOf('[', at + 1))
    opening++;
  for (let at = text.indexOf('{'); at >= 0 && opening <= limit; at = text.indexOf('{', at + 1))
    opening++;
  if (opening <= limit) return false;
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
 * Tabs count as spaces here.
 */
const BLOCK_SCALAR_START = /(?:^|[:\s-])[|>][-+0-9]*\s*(?:#.*)?\r?$/;

/**
 * A line's depth is at most one more than the length of its run of leading
 * spaces, tabs and dashes (each level indents further, each "- " takes two
 * characters), so a file without a long run cannot be too deep.
 */
function mayBeDeeperThan(text: string, limit: number): boolean {
  for (let start = 0; start < text.length;) {
    let i = start;
    const end = Math.min(text.length, start + limit);
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 45 && c !== 9) break;
      i++;
    }
    if (i - start >= limit) return true;
    const next = text.indexOf('\n', i);
    if (next < 0) break;
    start = next + 1;
  }
  return false;
}

/** A space or a tab: YAML refuses tabs in indentation, but its parser still nests on them. */
const isBlank = (c: number): boolean => c === 32 || c === 9;

export function blockDepthExceeds(text: string, limit: number): boolean {
  if (!mayBeDeeperThan(text, limit)) return false;
  const indents: number[] = [];
  let scalarIndent = -1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
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
      while (i + 1 < end && text.charCodeAt(i) === 45 && isBlank(text.charCodeAt(i + 1))) {
        depth++;
        i += 2;
        while (i < end && isBlank(text.charCodeAt(i))) i++;
      }
      if (depth > limit) return true;
      if (BLOCK_SCALAR_START.test(text.slice(Math.max(i, end - 40), end))) scalarIndent = indent;
    }
    start = end + 1;
  }
  return false;
}

/**
 * How many more nodes a value has once every alias in it is written out than
 * as read (an alias shares its anchor's object), counted without writing
 * anything out: each distinct object is sized once, so even a "billion
 * laughs" file is measured in a few steps.
 */
export function aliasExpansion(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const expanded = new Map<object, number>();
  /** Nodes begun but not yet sized: the ancestors of the node at hand. */
  const open = new Set<object>();
  let distinct = 0;
  // Post-order without recursion: a node is sized once all its children are.
  const stack: [object, boolean][] = [[value, false]];
  while (stack.length > 0) {
    const [node, ready] = stack.pop() as [object, boolean];
    if (expanded.has(node)) continue;
    const values = Object.values(node) as unknown[];
    if (!ready) {
      open.add(node);
      stack.push([node, true]);
      for (const child of values) {
        if (child === null || typeof child !== 'object' || expanded.has(child)) continue;
        // An alias inside its own anchor never ends once written out.
        if (open.has(child)) return Infinity;
        stack.push([child, false]);
      }
      continue;
    }
    open.delete(node);
    let size = 1;
    distinct++;
    for (const child of values) {
      if (child !== null && typeof child === 'object') size += expanded.get(child) ?? 0;
      else {
        size++;
        distinct++;
      }
    }
    expanded.set(node, Math.min(size, Number.MAX_SAFE_INTEGER));
  }
  return (expanded.get(value) as number) - distinct;
}
