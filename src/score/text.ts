/**
 * Reading evidence text the way the rules need it: sentence by sentence and
 * clause by clause, with a weight per clause for contrast ("however", "but",
 * "although"), and a check for negation just before a matched phrase.
 */
import {
  nextHash,
  vocabulary,
  WORD_CONTRAST,
  WORD_DENIER,
  WORD_HELPER,
  WORD_INTENT,
  WORD_IRREALIS,
  WORD_LINK,
  WORD_LITOTES,
  WORD_NEGATOR,
  WORD_NOT,
  WORD_ONE,
  WORD_ONLY,
  WORD_PREVENTER,
  WORD_REPORT,
  WORD_RESOLVER,
} from './words.js';
import type { Word } from './words.js';

export interface Clause {
  start: number;
  end: number;
  /** 1.5 after a pivot such as "however"; 0.5 inside a concession such as "although X,". */
  weight: number;
  /** Which sentence of the text it belongs to (a semicolon ends a clause, not a sentence). */
  sentence: number;
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

/**
 * Candidate ends of a sentence or clause: stops (with any closing quotes or
 * brackets) before white space, the end, or a capital with no space
 * ("in 2029.It was"); semicolons; line breaks. `sentenceEnds` drops the
 * candidates that only close an abbreviation or an initial.
 */
const SENTENCE_END = /[.!?]+["')\]]*(?=\s|$|[A-Z])|;+(?=\s|$)|\n+/g;

/** Words that end in a stop without ending a sentence: "e.g.", "Dr.", "approx.". */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'vs',
  'viz',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'cllr',
  'rev',
  'approx',
  'c',
  'ca',
  'no',
  'nos',
  'fig',
  'para',
  'ref',
  'dept',
  'govt',
  'ltd',
  'inc',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Where sentences and clauses end in `text`: each end's offset just past its
 * mark, and whether it ends a sentence (a stop or line break) or only a
 * clause (a semicolon).
 */
function sentenceEnds(text: string): { end: number; sentence: boolean }[] {
  const ends: { end: number; sentence: boolean }[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const mark = m[0];
    const end = m.index + mark.length;
    if ((mark[0] === '.' && mark.length === 1) || mark === '.') {
      // A lone stop after an abbreviation or a one-letter initial ends nothing,
      // unless a capital follows with no space between.
      const before = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const word = before ? (before[1] as string).toLowerCase() : '';
      const glued = /[A-Z]/.test(text.charAt(end));
      if (
        !glued &&
        (ABBREVIATIONS.has(word) || (/^[a-z]$/.test(word) && /[A-Z]/.test(before?.[1] ?? '')))
      )
        continue;
    }
    // An ellipsis followed by a small letter runs on: "reviewed... but late".
    if (mark.startsWith('...') && /^\s*[a-z]/.test(text.slice(end, end + 3))) continue;
    ends.push({ end, sentence: mark[0] !== ';' });
  }
  return ends;
}
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
  sentenceIndex: number,
): void {
  let start = from;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  if (!contrast) {
    if (end > start) clauses.push({ start, end, weight: 1, sentence: sentenceIndex });
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
    if (to > from)
      clauses.push({ start: start + from, end: start + to, weight, sentence: sentenceIndex });
  }
}

/** How many sentences the reader finds in a text (a semicolon only ends a clause). */
export function sentenceCount(raw: string): number {
  const text = straighten(raw);
  let count = 0;
  let start = 0;
  for (const { end, sentence } of sentenceEnds(text)) {
    if (!sentence) continue;
    if (text.slice(start, end).replace(/[.!?"')\]\s]/g, '') !== '') count++;
    start = end;
  }
  return text.slice(start).trim() !== '' ? count + 1 : count;
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
  let sentence = 0;
  for (const end of sentenceEnds(text)) {
    splitSentence(text, start, end.end, clauses, contrast, sentence);
    if (end.sentence) sentence++;
    start = end.end;
  }
  if (start < text.length) splitSentence(text, start, text.length, clauses, contrast, sentence);

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
const HELPER_REACH = 3;
/** How far back a negation of a verb of telling reaches: "could not recall the council ever failing". */
const REPORT_REACH = 3;
/** How far back "would", "plans to", "wants it to be"... reach. */
const IRREALIS_REACH = 8;
/** How far after a phrase "cleared", "fell"... reach. */
const RESOLVER_REACH = 6;

/** Whether the negator at `i` is no negation at all: "not only", "not uncommon". */
function isAffirmation(words: readonly Word[], i: number): boolean {
  const next = words[i + 1];
  if (!next) return false;
  const { flags } = words[i] as Word;
  if ((flags & WORD_NOT) !== 0 && (next.flags & WORD_ONLY) !== 0) return true;
  return (flags & WORD_NEGATOR) !== 0 && (next.flags & WORD_LITOTES) !== 0;
}

/** Whether the word at `i` denies the whole clause: "nobody", "none", "no one". */
function isDenier(words: readonly Word[], i: number): boolean {
  const { flags, text } = words[i] as Word;
  if ((flags & WORD_DENIER) !== 0) return true;
  return text === 'no' && ((words[i + 1] as Word | undefined)?.flags ?? 0) & WORD_ONE
    ? true
    : false;
}

/**
 * Whether a word is negated. Looking back over its clause: a negation among
 * the three words before it ("and" and "or" do not count, so a negation
 * covers a list: "no delays or backlogs"); a word that keeps something away
 * among the five before it ("protected them from abuse"); a negated verb of
 * telling anywhere before it ("nobody could recall any delay"); a word of
 * help among the three before it ("supports families struggling"); or "nobody",
 * "none", "no one" anywhere before it. "Not only" and "not uncommon" are no
 * negation. With `ownNegation` (a phrase that carries its own "not"), only
 * the clause-wide negations count: "no one left without a plan".
 */
export function isNegated(
  { words, clauseOf }: PreparedText,
  index: number,
  ownNegation = false,
  keepAway = true,
): boolean {
  let counted = 0;
  /** `counted` at the nearest verb of telling passed, or -1. */
  let reporterAt = -1;
  for (let i = index - 1; i >= 0; i--) {
    if (clauseOf[i] !== clauseOf[index]) break;
    const { flags } = words[i] as Word;
    if ((flags & WORD_LINK) !== 0) continue;
    counted++;
    if (isDenier(words, i)) return true;
    if ((flags & WORD_REPORT) !== 0 && reporterAt < 0) reporterAt = counted;
    if (ownNegation) continue;
    if (keepAway && (flags & WORD_PREVENTER) !== 0 && counted <= PREVENTER_REACH) return true;
    if (keepAway && (flags & WORD_HELPER) !== 0 && counted <= HELPER_REACH) return true;
    if ((flags & WORD_NEGATOR) === 0 || isAffirmation(words, i)) continue;
    // Two negations cancel: "not without its problems", "no lack of".
    const previous = words[i - 1];
    if (previous && clauseOf[i - 1] === clauseOf[index] && (previous.flags & WORD_NEGATOR) !== 0) {
      i--;
      continue;
    }
    if (counted <= NEGATION_REACH) return true;
    if (reporterAt >= 0 && counted - reporterAt <= REPORT_REACH) return true;
  }
  return false;
}

/**
 * Whether the phrase ending at word `last` is followed in its clause by a word
 * saying it has gone or shrunk ("the backlog was cleared", "delays fell"),
 * itself not negated ("had not reduced").
 */
export function isResolvedAfter(prepared: PreparedText, last: number): boolean {
  const { words, clauseOf } = prepared;
  for (let i = last + 1, n = 0; i < words.length && n < RESOLVER_REACH; i++, n++) {
    if (clauseOf[i] !== clauseOf[last]) break;
    const { flags } = words[i] as Word;
    if ((flags & WORD_RESOLVER) === 0) continue;
    const before = [words[i - 1], words[i - 2]];
    return !before.some((w) => w && (w.flags & WORD_NEGATOR) !== 0);
  }
  return false;
}

/**
 * Whether a word sits in something hoped for, planned or feared rather than
 * done: after "would", "should", "will", "whether", "the risk of", or "aims
 * to", "plans to", "wants it to"... in the same clause.
 */
/** Words that may stand between an intending verb and its "to": "wants its analysis to be". */
const INTENT_OBJECTS = new Set([
  'for',
  'it',
  'its',
  'them',
  'their',
  'the',
  'a',
  'an',
  'this',
  'his',
  'her',
  'our',
  'people',
  'staff',
  'everyone',
]);

/** Whether the intending verb at `i` is followed by "to", at once or after its object. */
function intendsTo(words: readonly Word[], i: number, before: number): boolean {
  // "more likely to" compares groups; "most likely to" and "likely to" say what may happen.
  const previous = words[i - 1]?.text;
  if (words[i]?.text === 'likely' && (previous === 'more' || previous === 'less')) return false;
  const next = words[i + 1]?.text;
  if (next === 'to') return true;
  if (next === undefined || !(INTENT_OBJECTS.has(next) || next.endsWith("'s"))) return false;
  for (let j = i + 2; j < Math.min(before, i + 8); j++) if (words[j]?.text === 'to') return true;
  return false;
}

export function isIrrealis({ words, clauseOf }: PreparedText, index: number): boolean {
  for (let i = index - 1, n = 0; i >= 0 && n < IRREALIS_REACH; i--, n++) {
    if (clauseOf[i] !== clauseOf[index]) break;
    const { flags, text } = words[i] as Word;
    if ((flags & WORD_IRREALIS) !== 0) return true;
    // "the risk of falls" is not a fall.
    if ((text === 'risk' || text === 'risks') && words[i + 1]?.text === 'of') return true;
    if ((flags & WORD_INTENT) !== 0 && intendsTo(words, i, index)) return true;
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

/**
 * The sentence a word sits in, as one bit of a mask, so conditions can ask
 * that their words share a sentence (sentences past the 30th share a bit).
 */
export function sentenceBit(prepared: PreparedText, token: number): number {
  const sentence = prepared.clauses[prepared.clauseOf[token] ?? -1]?.sentence ?? 0;
  return 1 << Math.min(sentence, 30);
}
