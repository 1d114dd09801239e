/**
 * What a report says about one evidence item: who it comes from ("staff told
 * us"), a short quotation from its summary, its figures, and where it is.
 */
import type { Finding, ScoreResult, SourceRef, StatementItem } from '../model/index.js';
import { plainText } from './escape.js';

/** A path as the report shows it: relative to the evidence folder. */
export function shownPath(result: Pick<ScoreResult, 'folder'>, file: string): string {
  const folder = result.folder;
  if (folder === '.' || folder === '') return file;
  return file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : file;
}

export function shownRef(result: Pick<ScoreResult, 'folder'>, ref: SourceRef): string {
  return `${shownPath(result, ref.file)}:${ref.line}`;
}

/** Who the evidence comes from, in the words of an inspection report. */
export function voice(item: StatementItem): string {
  const source = item.source ?? '';
  const survey = /\bsurvey|questionnaire|census\b/i.test(source);
  if (survey && ['peoples-experience', 'processes', 'outcomes'].includes(item.category))
    return 'Survey data';
  switch (item.category) {
    case 'peoples-experience':
      return 'People told us';
    case 'staff-and-leaders':
      return /\b(leader|director|manager|executive|councillor)s?\b/i.test(source) &&
        !/\bstaff\b/i.test(source)
        ? 'Leaders told us'
        : 'Staff told us';
    case 'partners':
      return 'Partners told us';
    case 'observation':
      return 'We observed';
    case 'processes':
      return 'Records show';
    case 'outcomes':
      return 'Data shows';
  }
}

/** Sentences of a summary: ends at . ! ? followed by a space and a capital, digit or quote. */
function sentences(text: string): string[] {
  return plainText(text)
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘'(])/)
    .filter((s) => s.trim() !== '');
}

const WORD = /[a-z0-9']+/g;

/**
 * A short quotation from the item's summary: the sentence holding most of the
 * words that decided its judgement (or the first), cut to `maxWords` words.
 * With no limit, the whole summary.
 */
export function quotation(item: StatementItem, finding?: Finding, maxWords?: number): string {
  if (maxWords === undefined) return plainText(item.summary);
  const decided = [
    ...(finding?.words ? finding.words.split(', ') : []),
    ...(item.basis?.rules.map((r) => r.words) ?? []),
  ]
    .join(' ')
    .toLowerCase()
    .match(WORD);
  const wanted = new Set(decided ?? []);
  let best = '';
  let bestHits = -1;
  for (const sentence of sentences(item.summary)) {
    const hits = (sentence.toLowerCase().match(WORD) ?? []).filter((w) => wanted.has(w)).length;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  const words = best.split(' ');
  return words.length <= maxWords ? best : `${words.slice(0, maxWords).join(' ')} …`;
}

/** "student placements 6, practice educators 6", or '' when the item has no figures. */
export function figures(item: StatementItem): string {
  return Object.entries(item.metrics ?? {})
    .map(([name, value]) => `${name.replace(/[-_]+/g, ' ')} ${value}`)
    .join(', ');
}

/** The item at `ref`, when the statement lists it. */
export function itemAt(items: readonly StatementItem[], ref: SourceRef): StatementItem | undefined {
  return items.find(
    (i) => i.ref.file === ref.file && i.ref.line === ref.line && i.ref.column === ref.column,
  );
}
