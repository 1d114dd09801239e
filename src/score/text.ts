/**
 * Reading evidence text the way the rules need it: sentence by sentence and
 * clause by clause, with a weight per clause for contrast ("however", "but",
 * "although"), and a check for negation just before a matched phrase.
 */

export interface Clause {
  start: number;
  end: number;
  /** 1.5 after a pivot such as "however"; 0.5 inside a concession such as "although X,". */
  weight: number;
}

export interface PreparedText {
  text: string;
  clauses: Clause[];
}

const SENTENCE_END = /[.!?;]+(?=\s|$)|\n+/g;
const PIVOT = /(?:^|[\s,;:(])(however|but(?! also)|nevertheless|nonetheless|(?<!\b(?:not|as|have|has|had|is|are|was|were|be|been)\s)yet)\b/gi;
const CONCESSION = /(?:^|,\s*|;\s*)(although|though|even though|despite|in spite of|while|whilst|notwithstanding)\b/gi;

export const PIVOT_WEIGHT = 1.5;
export const CONCESSION_WEIGHT = 0.5;

function splitSentence(text: string, from: number, end: number, clauses: Clause[]): void {
  let start = from;
  while (start < end && /\s/.test(text[start] as string)) start++;
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

export function prepareText(raw: string): PreparedText {
  const text = raw.replace(/[’‘`]/g, "'");
  const clauses: Clause[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    splitSentence(text, start, end, clauses);
    start = end;
  }
  if (start < text.length) splitSentence(text, start, text.length, clauses);
  return { text, clauses };
}

export function clauseAt(prepared: PreparedText, offset: number): Clause {
  for (const clause of prepared.clauses) {
    if (offset >= clause.start && offset < clause.end) return clause;
  }
  return { start: 0, end: prepared.text.length, weight: 1 };
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'lack', 'lacked', 'lacking', 'absence', 'nor', 'neither', 'cannot',
  'unable', 'failed', 'fail', 'fails', 'insufficient', 'little', 'limited', 'rarely', 'seldom', 'none',
  'nobody', 'hardly', 'barely', "can't", "didn't", "doesn't", "don't", "wasn't", "weren't", "isn't",
  "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "shouldn't",
]);

/** Words that turn what follows into something kept away: "protection from harm", "to prevent delays". */
const PREVENTERS = /^(protect|protection|protected|protecting|prevent|prevented|preventing|prevention|avoid|avoided|avoiding|minimise|minimised|minimising|reduce|reduced|reducing|free)$/;

/** True when one of the three words before `offset`, inside its clause, negates what follows. */
export function isNegated(prepared: PreparedText, offset: number): boolean {
  const clause = clauseAt(prepared, offset);
  const before = prepared.text.slice(Math.max(clause.start, offset - 48), offset).toLowerCase();
  const words = before.split(/[^a-z']+/).filter(Boolean).slice(-3);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (PREVENTERS.test(word)) return true;
    if (!NEGATORS.has(word)) continue;
    const next = words[i + 1];
    if (word === 'not' && (next === 'only' || next === 'just')) continue;
    if (word === 'no' && next === 'longer') return true;
    return true;
  }
  return false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular-expression source for one phrase: whole words, a space matches spaces or hyphens, a trailing * any ending. */
export function phraseSource(phrase: string): string {
  const words = phrase.trim().replace(/[’‘`]/g, "'").split(/\s+/);
  const body = words
    .map((word) => {
      const open = word.endsWith('*');
      const core = open ? word.slice(0, -1) : word;
      const parts = core.split('-').map(escape).join('[\\s-]?');
      return open ? `${parts}[\\w'-]*` : parts;
    })
    .join('[\\s-]+');
  return body;
}

/** One regular expression for a list of phrases, matched as whole words. */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\w'-])(?:${sorted.map(phraseSource).join('|')})(?![\\w])`, 'gi');
}
