/**
 * The personal-data guard: finds NHS numbers, National Insurance numbers,
 * email addresses, UK phone numbers and dates of birth in evidence text.
 * Pure functions over strings; the caller turns hits into diagnostics
 * (`personal-data/<kind>`) or masks them for `--redact` and in diagnostic
 * messages. privacy-scan.ts feeds it the parsed values of an evidence file.
 *
 * Every detector is linear and recursion-free, so a hostile file cannot make
 * the guard hang. The detectors themselves are in detectors.ts.
 */
import type { PersonalDataHit, PersonalDataKind } from './detectors.js';
import {
  DOB_WORD,
  findDatesOfBirth,
  findEmails,
  findNhsNumbers,
  findNiNumbers,
  findPhones,
} from './detectors.js';

export { isValidNhsNumber, PERSONAL_DATA_KINDS } from './detectors.js';
export type { PersonalDataHit, PersonalDataKind } from './detectors.js';
import type { Diagnostic } from '../model/index.js';

/** What each kind is called in messages; never the matched value itself. */
export const PERSONAL_DATA_NAMES: Record<PersonalDataKind, string> = {
  'nhs-number': 'an NHS number',
  'ni-number': 'a National Insurance number',
  email: 'an email address',
  phone: 'a phone number',
  'date-of-birth': 'a date of birth',
};

/** A diagnostic message for a hit. It names the kind only, so diagnostics never repeat the data. */
export function personalDataMessage(kind: PersonalDataKind): string {
  const allowable = kind === 'email' || kind === 'phone';
  return `this looks like ${PERSONAL_DATA_NAMES[kind]}; remove it or replace it with an anonymised reference${
    allowable
      ? ' (if it is an organisation contact, add it to "privacy-allow" in cqc-score.yaml)'
      : ''
  }`;
}

// ------------------------------------------------------------------ Together

/** When two hits overlap, the more specific one wins. */
const PRIORITY: Record<PersonalDataKind, number> = {
  'date-of-birth': 0,
  'nhs-number': 1,
  'ni-number': 2,
  email: 3,
  phone: 4,
};

/** A phone number in one national form: digits only, +44, 0044 and +44 (0) written as 0. */
export function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, '');
  const trimmed = value.trim();
  if (trimmed.startsWith('+44') || trimmed.startsWith('0044')) {
    const rest = digits.slice(trimmed.startsWith('+') ? 2 : 4);
    return rest.startsWith('0') ? rest : `0${rest}`;
  }
  return digits;
}

function allowed(hit: PersonalDataHit, allow: readonly string[]): boolean {
  const match = hit.match.toLowerCase();
  for (const entry of allow) {
    if (entry.trim().toLowerCase() === match) return true;
    if (hit.kind === 'phone' && /\d/.test(entry) && phoneKey(entry) === phoneKey(hit.match))
      return true;
  }
  return false;
}

/**
 * Every piece of personal data in `text`, in order, without overlaps. Entries
 * of `allow` (organisation emails and phone numbers) compare case-insensitively;
 * phone numbers compare by their digits, so spacing and +44 do not matter.
 */
export function findPersonalData(text: string, allow: readonly string[] = []): PersonalDataHit[] {
  // Cheap tests first: most evidence has no "@", and none of the numbers without a digit run.
  const digits = /\d\d/.test(text);
  const at = text.includes('@');
  // Most values of most files have neither: the guard runs on every one of them.
  if (!digits && !at) return [];
  const candidates = [
    ...(digits && DOB_WORD.test(text) ? findDatesOfBirth(text) : []),
    ...(digits ? findNhsNumbers(text) : []),
    ...(digits ? findNiNumbers(text) : []),
    ...(at ? findEmails(text) : []),
    ...(digits ? findPhones(text) : []),
  ].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  // Kept hits never overlap and stay sorted by start, so one neighbour on each side decides.
  const kept: PersonalDataHit[] = [];
  for (const hit of candidates) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (kept[mid]!.start < hit.start) low = mid + 1;
      else high = mid;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before && before.end > hit.start) || (after && after.start < hit.end)) continue;
    kept.splice(low, 0, hit);
  }
  return kept.filter((hit) => !allowed(hit, allow));
}

/** `text` with every hit replaced by `[redacted <kind>]`. */
export function maskPersonalData(text: string, allow: readonly string[] = []): string {
  const hits = findPersonalData(text, allow);
  if (hits.length === 0) return text;
  let out = '';
  let from = 0;
  for (const hit of hits) {
    out += `${text.slice(from, hit.start)}[redacted ${hit.kind}]`;
    from = hit.end;
  }
  return out + text.slice(from);
}

/**
 * A diagnostic whose message is masked. Messages can quote what a file says
 * (an unknown statement, a date that is not one), and they are printed
 * whether or not `--redact` is given, so every run masks them.
 */
export function maskDiagnostic(diagnostic: Diagnostic, allow: readonly string[] = []): Diagnostic {
  const message = maskPersonalData(diagnostic.message, allow);
  return message === diagnostic.message ? diagnostic : { ...diagnostic, message };
}
