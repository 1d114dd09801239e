/**
 * The YAML mistakes people make most when writing evidence by hand, read from
 * the text around the parser's error: a colon inside an unquoted value, an
 * apostrophe inside single quotes, a line indented too far or not far enough
 * (a key, a list entry's "- ", a line of a block's text), and an item written
 * without its "- ". Each is named once, at the line that
 * is wrong, with what to write instead. Anything else is left to the
 * parser's own message (see yaml-errors.ts).
 */
import { plural } from '../base/plural.js';

export interface Mistake {
  code: string;
  /** What is wrong and what to do, without the "YAML cannot be read" lead-in. */
  message: string;
  /** Character offset the diagnostic points at. */
  offset: number;
}

interface Line {
  text: string;
  /** Offset of its first character in the file. */
  start: number;
  number: number;
}

/** A key line: `  key: value` or `  - key: value`. */
const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s#'"{[\]}&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    out.push({ text: raw.replace(/\r$/, ''), start, number: i });
    start += raw.length + 1;
  });
  return out;
}

function lineAt(lines: Line[], offset: number): Line {
  let found = lines[0] as Line;
  for (const line of lines) {
    if (line.start > offset) break;
    found = line;
  }
  return found;
}

const blank = (line: Line): boolean => /^\s*(#.*)?$/.test(line.text);
const indentOf = (line: Line): number => /^ */.exec(line.text)?.[0].length ?? 0;

/** A key line's parts: where its key starts, the key, and its value (comment removed). */
function keyLine(line: Line): { keyColumn: number; key: string; value: string } | undefined {
  const match = KEY_LINE.exec(line.text);
  if (!match) return undefined;
  const keyColumn = (match[1] as string).length + (match[2] as string).length;
  const value = (match[4] ?? '').replace(/(^|\s)#.*$/, '').trimEnd();
  return { keyColumn, key: (match[3] as string).trim(), value };
}

function nextContentLine(lines: Line[], after: Line): Line | undefined {
  return lines.slice(after.number + 1).find((l) => !blank(l));
}

/** `title: Audit result: good` → the offset of the second colon. */
function colonInValue(line: Line): Mistake | undefined {
  const parts = keyLine(line);
  if (!parts || /^["'[{|>]/.test(parts.value)) return undefined;
  const at = /:(\s|$)/.exec(parts.value);
  if (!at) return undefined;
  const valueStart = line.text.indexOf(parts.value, parts.keyColumn + parts.key.length);
  return {
    code: 'yaml/colon-in-value',
    message: `the value of "${parts.key}" contains ": ", which YAML reads as the start of another key; put the text in double quotes: ${parts.key}: "${parts.value.replace(/["\\]/g, '\\$&')}"`,
    offset: line.start + valueStart + at.index,
  };
}

/** `title: 'The council's audit'` → the offset of the apostrophe that closes the quote early. */
function apostropheInQuotes(line: Line): Mistake | undefined {
  const match = /^(\s*(?:-\s+)*(?:[^'"#\s][^:#]*:\s+)?)'/.exec(line.text);
  if (!match) return undefined;
  const open = (match[1] as string).length;
  for (let i = open + 1; i < line.text.length; i++) {
    if (line.text[i] !== "'") continue;
    if (line.text[i + 1] === "'") {
      i++;
      continue;
    }
    const rest = line.text.slice(i + 1).replace(/(^|\s)#.*$/, '');
    if (rest.trim() === '' || !/^[\p{L}\p{N}]/u.test(rest)) return undefined;
    return {
      code: 'yaml/apostrophe',
      message: `the apostrophe here ends the single-quoted text early; write it twice ('') or use double quotes around the text`,
      offset: line.start + i,
    };
  }
  return undefined;
}

/** The "- " of the list the line sits in, when the line starts where that list's dashes do. */
function dashAbove(lines: Line[], line: Line): Line | undefined {
  const indent = indentOf(line);
  for (let n = line.number - 1; n >= 0; n--) {
    const above = lines[n] as Line;
    if (blank(above)) continue;
    const aboveIndent = indentOf(above);
    if (aboveIndent < indent) return undefined;
    if (aboveIndent === indent) return /^\s*-(\s|$)/.test(above.text) ? above : undefined;
  }
  return undefined;
}

function missingDash(lines: Line[], line: Line): Mistake | undefined {
  if (/^\s*-(\s|$)/.test(line.text)) return undefined;
  const dash = dashAbove(lines, line);
  // An entry like the ones above it: a key line in a list of mappings, a bare value in a list of values.
  if (!dash || (keyLine(line) === undefined) !== (keyLine(dash) === undefined)) return undefined;
  const indent = indentOf(line);
  const first = line.text.slice(indent).split(/:\s|:$/)[0] ?? '';
  return {
    code: 'yaml/missing-dash',
    message: `this line starts a new list entry but has no "- " before it; write "- ${first}${keyLine(line) ? ':' : ''}" lined up with the "- " above`,
    offset: line.start + indent,
  };
}

/** A key that is the first of a new item with no "- ", found as a duplicate of the item's first key. */
function itemWithoutDash(lines: Line[], line: Line): Mistake | undefined {
  const parts = keyLine(line);
  if (!parts) return undefined;
  let between = 0;
  for (let n = line.number - 1; n >= 0; n--) {
    const above = lines[n] as Line;
    if (blank(above)) continue;
    const abovePart = keyLine(above);
    if (!abovePart || abovePart.keyColumn < parts.keyColumn) return undefined;
    if (abovePart.keyColumn > parts.keyColumn) continue;
    // The item this key belongs to starts with a dash; was the key its first
    // one, with others after it (a key written twice in a row is just that)?
    if (/^\s*-\s/.test(above.text) && abovePart.key === parts.key && between > 0) {
      return {
        code: 'yaml/missing-dash',
        message: `"${parts.key}" appears a second time in this item: if a new item starts here, write "- ${parts.key}:" lined up with the "- " above`,
        offset: line.start + parts.keyColumn,
      };
    }
    if (/^\s*-\s/.test(above.text)) return undefined;
    between++;
  }
  return undefined;
}

/** "on the line above" when it is, else "on line N": a key's line as a message names it. */
function whereAbove(line: Line, from: Line): string {
  return line.number === from.number - 1 ? 'on the line above' : `on line ${line.number + 1}`;
}

/**
 * A line of a block's text (`summary: >-` or `|`) indented less than the
 * block's first line but more than its key: the parser takes it for a key,
 * yet it is meant as text, indented like the block's first line.
 */
function blockTextIndent(lines: Line[], line: Line): Mistake | undefined {
  const indent = indentOf(line);
  for (let n = line.number - 1; n >= 0; n--) {
    const above = lines[n] as Line;
    if (blank(above) || indentOf(above) > indent) continue;
    const parts = keyLine(above);
    if (!parts || parts.keyColumn >= indent || !/^[|>][-+1-9]*$/.test(parts.value))
      return undefined;
    const first = nextContentLine(lines, above);
    if (!first || first === line || indentOf(first) <= indent) return undefined;
    const firstIndent = indentOf(first);
    return {
      code: 'yaml/indentation',
      message: `this line is indented ${plural(indent, 'space')}, but the text of "${parts.key}" starts on line ${first.number + 1} indented ${firstIndent}; if this line is part of that text, indent it ${firstIndent} spaces like line ${first.number + 1}`,
      offset: line.start + indent,
    };
  }
  return undefined;
}

/**
 * A list entry ("- ") indented unlike the entries before it: its dash lines
 * up with the dash of the entry above (the nearest dash at or left of it,
 * else the nearest one), not with the keys inside that entry.
 */
function dashIndent(lines: Line[], line: Line): Mistake | undefined {
  if (!/^\s*-(\s|$)/.test(line.text)) return undefined;
  const indent = indentOf(line);
  let nearest: Line | undefined;
  for (let n = line.number - 1; n >= 0; n--) {
    const above = lines[n] as Line;
    if (blank(above)) continue;
    const isDash = /^\s*-(\s|$)/.test(above.text);
    if (isDash && indentOf(above) <= indent) {
      nearest = above;
      break;
    }
    if (isDash) nearest ??= above;
    else if (indentOf(above) < indent) break;
  }
  if (!nearest || indentOf(nearest) === indent) return undefined;
  const at = indentOf(nearest);
  return {
    code: 'yaml/indentation',
    message: `this list entry is indented ${plural(indent, 'space')}, but the "- " of the entry ${whereAbove(nearest, line)} is at ${at}; line this "- " up with that one`,
    offset: line.start + indent,
  };
}

/**
 * A line indented unlike its neighbours: named by what it is meant to line
 * up with (a list entry's dash, a block's text, or the keys at its level).
 */
function badIndent(lines: Line[], line: Line, pointAt: Line = line): Mistake {
  const specific = dashIndent(lines, pointAt) ?? blockTextIndent(lines, pointAt);
  if (specific) return specific;
  let previousLine: Line | undefined;
  for (let n = pointAt.number - 1; n >= 0 && !previousLine; n--)
    if (keyLine(lines[n] as Line)) previousLine = lines[n];
  const previousKey = previousLine && keyLine(previousLine);
  const indent = indentOf(pointAt);
  const here = keyLine(pointAt)?.key;
  const advice =
    previousLine && previousKey
      ? here
        ? `line "${here}" up with "${previousKey.key}" ${whereAbove(previousLine, pointAt)}`
        : `it is not a "key: value" line: if it goes on from the text above, indent it like that text; if it is a key, end it with ":" and line it up with "${previousKey.key}" ${whereAbove(previousLine, pointAt)}`
      : 'line it up with the keys at its level';
  return {
    code: 'yaml/indentation',
    message: `this line is indented ${plural(indent, 'space')}, ${previousKey ? `but "${previousKey.key}" above is at ${previousKey.keyColumn}` : 'unlike the lines around it'}; ${advice}`,
    offset: pointAt.start + indent,
  };
}

/**
 * The mistake behind a parser error, when it is one of the common ones.
 * `code` and `message` are the `yaml` package's, `offset` where it points.
 */
export function commonMistake(
  code: string,
  message: string,
  offset: number,
  text: string,
): Mistake | undefined {
  const lines = linesOf(text);
  const line = lineAt(lines, offset);
  if (code === 'MISSING_CHAR' && /without - indicator/.test(message)) code = 'BAD_INDENT';
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // "Nested mappings are not allowed in compact mappings": a colon in this
      // value, or the next line indented further than this key.
      const colon = colonInValue(line);
      if (colon) return colon;
      // A list entry indented less than the one above is read as a key of it.
      const dash = dashIndent(lines, line);
      if (dash) return dash;
      const next = nextContentLine(lines, line);
      const parts = keyLine(line);
      if (next && parts && indentOf(next) > parts.keyColumn) return badIndent(lines, line, next);
      return undefined;
    }
    case 'UNEXPECTED_TOKEN':
      return apostropheInQuotes(line);
    case 'BAD_INDENT':
      return missingDash(lines, line) ?? (blank(line) ? undefined : badIndent(lines, line));
    case 'DUPLICATE_KEY':
      return itemWithoutDash(lines, line);
    default:
      return undefined;
  }
}
