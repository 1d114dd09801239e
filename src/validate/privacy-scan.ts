/**
 * The personal-data guard over a parsed evidence file. It reads the same text
 * `--redact` masks: every string value (and key) as the file parses, so an
 * escape (`"\x39..."`), a folded block scalar or a quoted line break cannot
 * hide a number from one and show it to the other. It also reads the file's
 * text as written, which finds what parsing leaves out (comments, a document
 * that does not parse) and numbers typed bare (`phone: 07700900123`, which
 * parses to a number without its 0).
 *
 * A hit in a value is placed at its own line and column when its words stand
 * as written in the source, and at the start of the value when an escape or
 * folding changed them; a hit in the text that is the same words as one in a
 * value is reported once. The walk over the values keeps its own stack and
 * visits a value shared through aliases once, so neither nesting nor aliases
 * cost call depth or repeated work.
 */
import type { ParsedFile } from '../load/parse.js';
import type { Position } from '../load/positions.js';
import type { PersonalDataHit } from './detectors.js';
import { DOB_KEY } from './detectors.js';
import { findPersonalData } from './privacy.js';

export interface PersonalDataAt extends PersonalDataHit {
  /** 1-based line and column of the hit (or of the value holding it). */
  line: number;
  column: number;
}

/** A value met in the walk, with the way back to its document's root (built into a path only for a hit). */
interface Visit {
  value: unknown;
  doc: number;
  parent?: Visit;
  key?: string | number;
  /** The value sits under a `dob:` or `date-of-birth:` key. */
  dob: boolean;
}

/** A value under a date-of-birth key is read as "dob: <value>", so a bare date is found. */
const DOB_PREFIX = 'dob: ';

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) path.push(v.key!);
  return path.reverse();
}

/** Offsets of line starts, to turn a 1-based line and column into an offset and back. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/**
 * Hits in one string value, placed in the file's text: at the words where
 * they stand as written after the value's start, else at the value's start.
 */
function placeHits(
  value: string,
  dob: boolean,
  start: number,
  text: string,
  allow: readonly string[],
): PersonalDataHit[] {
  const shift = dob ? DOB_PREFIX.length : 0;
  const hits = findPersonalData(dob ? DOB_PREFIX + value : value, allow);
  // Escapes can make the source longer than the value, but not by more than this.
  const reach = start + value.length * 10 + 16;
  const out: PersonalDataHit[] = [];
  let from = start;
  for (const hit of hits) {
    if (hit.start < shift) continue;
    const at = text.indexOf(hit.match, from);
    if (at !== -1 && at < reach) {
      out.push({ ...hit, start: at, end: at + hit.match.length });
      from = at + hit.match.length;
    } else out.push({ ...hit, start, end: start });
  }
  return out;
}

/** Every piece of personal data in a parsed evidence file, in source order, with 1-based positions. */
export function findPersonalDataInParsedFile(
  parsed: ParsedFile,
  allow: readonly string[] = [],
): PersonalDataAt[] {
  const text = parsed.text;
  if (text === undefined) return [];
  const starts = lineStarts(text);
  const offsetOf = (p: Position): number =>
    Math.min(text.length, (starts[p.line - 1] ?? 0) + p.column - 1);

  const inValues: PersonalDataHit[] = [];
  const seen = new Set<object>();
  const stack: Visit[] = [];
  for (let doc = parsed.docs.length - 1; doc >= 0; doc--)
    stack.push({ value: parsed.docs[doc], doc, dob: false });
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (findPersonalData(visit.dob ? DOB_PREFIX + value : value, allow).length === 0) continue;
      const start = offsetOf(parsed.locator.locate(visit.doc, pathOf(visit)));
      for (const hit of placeHits(value, visit.dob, start, text, allow)) inValues.push(hit);
    } else if (value !== null && typeof value === 'object') {
      if (seen.has(value)) continue;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({ value: value[i], doc: visit.doc, parent: visit, key: i, dob: false });
        continue;
      }
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, entry] = entries[i]!;
        const child: Visit = {
          value: entry,
          doc: visit.doc,
          parent: visit,
          key,
          dob: DOB_KEY.test(key),
        };
        stack.push(child);
        if (findPersonalData(key, allow).length > 0) {
          const start = offsetOf(parsed.locator.locate(visit.doc, pathOf(child), true));
          for (const hit of placeHits(key, false, start, text, allow)) inValues.push(hit);
        }
      }
    }
  }
  inValues.sort((a, b) => a.start - b.start || a.end - b.end);

  // The text as written: what the values already gave, at the same place, is not reported twice.
  const found = [...inValues];
  let v = 0;
  for (const hit of findPersonalData(text, allow)) {
    while (v < inValues.length && inValues[v]!.end <= hit.start && inValues[v]!.start < hit.start)
      v++;
    let overlaps = false;
    for (let k = v; k < inValues.length && inValues[k]!.start < hit.end; k++)
      if (inValues[k]!.end > hit.start) overlaps = true;
    if (!overlaps) found.push(hit);
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  return found.map((hit) => ({ ...hit, ...positionAt(starts, hit.start) }));
}
