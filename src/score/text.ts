/**
 * Reading evidence text the way the rules need it: sentence by sentence and
 * clause by clause, with a weight per clause for contrast ("however", "but",
 * "although"), and a check for negation just before a matched phrase.
 */
import {
  nextHash,
  vocabulary,
  WORD_CONTRAST,
  WORD_LINK,
  WORD_NEGATOR,
  WORD_NOT,
  WORD_ONLY,
  WORD_PREVENTER,
} from './words.js';
import type { Word } from './words.js';

export interface Clause {
  start: number;
  end: number;
  /** 1.5 after a pivot such as "however"; 0.5 inside a concession such as "although X,". */
  weight: number;
}

export interface PreparedText {
  text: string;
  clauses: Clause[];
  /** The words, lower-cased and shared, with their start offsets and the clause each sits in. */
  words: Word[];
  starts: number[];
  clauseOf: number[];
  /** Whether offsets in the lower-cased text are offsets in `text` too (false only after an İ). */
  aligned: boolean;
}

const SENTENCE_END = /[.!?;]+(?=\s|$)|\n+/g;
const PIVOT =
  /(?:^|[\s,;:(])(however|but(?! also)|nevertheless|nonetheless|(?<!\b(?:not|as|have|has|had|is|are|was|were|be|been)\s)yet)\b/gi;
const CONCESSION =
  /(?:^|,\s*|;\s*)(although|though|even though|despite|in spite of|while|whilst|notwithstanding)\b/gi;

export const PIVOT_WEIGHT = 1.5;
export const CONCESSION_WEIGHT = 0.5;

function splitSentence(
  text: string,
  from: number,
  end: number,
  clauses: Clause[],
  contrast: boolean,
): void {
  let start = from;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  if (!contrast) {
    if (end > start) clauses.push({ start, end, weight: 1 });
    return;
  }
  const sentence = text.slice(start, end);
  // Cut points: [offset, weight of the clause that starts there].
  const cuts: [number, number][] = [[0, 1]];
  PIVOT.lastIndex = 0;
  for (let m = PIVOT.exec(sentence); m; m = PIVOT.exec(sentence)) {
    cuts.push([m.index + m[0].length - (m[1] as string).length, PIVOT_WEIGHT]);
  }
  CONCESSION.lastIndex = 0;
  for (let m = CONCESSION.exec(sentence); m; m = CONCESSION.exec(sentence)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    cuts.push([at, CONCESSION_WEIGHT]);
    const comma = sentence.indexOf(',', at + (m[1] as string).length);
    if (comma > 0) cuts.push([comma + 1, 1]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < cuts.length; i++) {
    const [from, weight] = cuts[i] as [number, number];
    const to = i + 1 < cuts.length ? (cuts[i + 1] as [number, number])[0] : sentence.length;
    if (to > from) clauses.push({ start: start + from, end: start + to, weight });
  }
}

/** What `\s` matches in a regular expression. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** a–z and 0–9 (text is lower-cased first). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Curly quotes and backticks as the apostrophe rules write ("people’s" is "people's"). */
export function straighten(raw: string): string {
  return raw.replace(/[’‘`]/g, "'");
}

/**
 * The words of lower-cased text, as rules read them: runs of letters and
 * digits, joined across an inner apostrophe ("people's"). Pushes each word and
 * its start offset; returns whether any of them is a contrast word.
 */
export function readWords(lower: string, words: Word[], starts: number[]): boolean {
  const known = vocabulary();
  let contrast = false;
  let i = 0;
  const length = lower.length;
  while (i < length) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const begin = i;
    let hash = 0;
    while (i < length) {
      const c = lower.charCodeAt(i);
      if (isWordChar(c)) {
        hash = nextHash(hash, c);
        i++;
      } else if (c === 39 && i + 1 < length && isWordChar(lower.charCodeAt(i + 1))) {
        hash = nextHash(nextHash(hash, c), lower.charCodeAt(i + 1));
        i += 2;
      } else break;
    }
    const word = known.find(lower, begin, i, hash);
    if ((word.flags & WORD_CONTRAST) !== 0) contrast = true;
    words.push(word);
    starts.push(begin);
  }
  return contrast;
}

/**
 * `raw` read into clauses and words. Text with no contrast word skips the
 * clause patterns; `lookForContrast` runs them anyway (tests use it to prove
 * the shortcut changes nothing).
 */
export function prepareText(raw: string, lookForContrast = false): PreparedText {
  const text = straighten(raw);
  const lower = text.toLowerCase();
  const words: Word[] = [];
  const starts: number[] = [];
  // İ and the Kelvin sign lower-case to ASCII letters, so a word can run into
  // them here but not in PIVOT and CONCESSION: look for contrast the long way.
  const contrast =
    readWords(lower, words, starts) ||
    lookForContrast ||
    text.includes('\u0130') ||
    text.includes('\u212a');

  const clauses: Clause[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    splitSentence(text, start, end, clauses, contrast);
    start = end;
  }
  if (start < text.length) splitSentence(text, start, text.length, clauses, contrast);

  const clauseOf: number[] = new Array<number>(words.length);
  let clause = 0;
  for (let t = 0; t < words.length; t++) {
    const begin = starts[t] as number;
    while (clause < clauses.length - 1 && begin >= (clauses[clause] as Clause).end) clause++;
    clauseOf[t] = clause;
  }
  return { text, clauses, words, starts, clauseOf, aligned: lower.length === text.length };
}

const NEGATION_REACH = 3;
const PREVENTER_REACH = 5;

/** Whether a word is negated by one of the three words before it in its clause. */
export function isNegated({ words, clauseOf }: PreparedText, index: number): boolean {
  // Look back over the clause: three words for a negation, five for a word that
  // keeps something away ("protected them from abuse and neglect"); "and" and
  // "or" do not count, so a negation covers a list ("no delays or backlogs").
  let counted = 0;
  for (let i = index - 1; i >= 0 && counted < PREVENTER_REACH; i--) {
    if (clauseOf[i] !== clauseOf[index]) break;
    const { flags } = words[i] as Word;
    if ((flags & WORD_LINK) !== 0) continue;
    counted++;
    if ((flags & WORD_PREVENTER) !== 0) return true;
    if (counted > NEGATION_REACH || (flags & WORD_NEGATOR) === 0) continue;
    if ((flags & WORD_NOT) !== 0 && ((words[i + 1] as Word).flags & WORD_ONLY) !== 0) continue;
    return true;
  }
  return false;
}

/** Index of the word at or after a character offset. */
export function tokenAt(prepared: PreparedText, offset: number): number {
  let lo = 0;
  let hi = prepared.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((prepared.starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function clauseWeight(prepared: PreparedText, token: number): number {
  return prepared.clauses[prepared.clauseOf[token] ?? -1]?.weight ?? 1;
}
