/**
 * The detectors of the personal-data guard, one per kind: each finds every
 * candidate in a text, with its own checks (check digits, issued prefixes,
 * a birth cue before a date). privacy.ts runs them together and settles
 * overlaps. Every pattern is linear: no nested quantifiers.
 */
export const PERSONAL_DATA_KINDS = [
  'nhs-number',
  'ni-number',
  'email',
  'phone',
  'date-of-birth',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Offset of the first character of the match in the text. */
  start: number;
  /** Offset just after the match. */
  end: number;
  match: string;
}

// ---------------------------------------------------------------- NHS numbers

const NHS = /(?<!\d|\d[.,])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d]|[.,]\d)/g;
/** A cue that the figure is a book number, whose ISBN-10 check digit is the same mod-11 sum. */
const ISBN_CUE = /isbn[\s:-]*(?:10|13)?[\s:-]*$/i;

/** NHS mod-11: weights 10..2 on the first nine digits; check = 11 - sum % 11, 11 → 0, 10 → invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export function findNhsNumbers(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(NHS)) {
    const digits = `${m[1]}${m[3]}${m[4]}`;
    if (!isValidNhsNumber(digits)) continue;
    if (ISBN_CUE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    hits.push({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}

// ------------------------------------------------- National Insurance numbers

// Letters D, F, I, Q, U, V never appear; O never second. Banned pairs are checked after.
const NI =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])( ?)(\d{2})( ?)(\d{2})( ?)(\d{2})( ?)([A-D])(?![A-Za-z0-9])/gi;
const NI_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function findNiNumbers(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(NI)) {
    const prefix = m[1]!.toUpperCase();
    if (NI_BANNED.has(prefix)) continue;
    const spaced = m[2] || m[4] || m[6] || m[8];
    // Spaced lower-case runs ("as 12 34 56 a") are prose; a real number written with spaces is in capitals.
    if (spaced && `${m[1]}${m[9]}` !== `${m[1]}${m[9]}`.toUpperCase()) continue;
    hits.push({ kind: 'ni-number', start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}

// ------------------------------------------------------------------- Emails

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-]|\.[A-Za-z0-9])/g;

export function findEmails(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(EMAIL)) {
    hits.push({ kind: 'email', start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}

// ------------------------------------------------------------- Phone numbers

/** Where a UK number can start: +44 (with an optional "(0)"), "(0" of a bracketed area code, or 0. */
const PHONE_START = /(?<![\w+])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(0|0)(?=\d)/g;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Reads digit groups after a phone-number start and returns the end of the
 * longest run of whole groups that makes a UK number: 0 plus 9 or 10 digits,
 * or +44 plus 9 or 10. A number never ends inside a group, so longer figures
 * (12345678901, 0123456789012) are not phone numbers.
 */
function readPhone(text: string, start: number, prefixEnd: number): number | undefined {
  const international = text[start] === '+';
  let bracketOpen = text[start] === '(';
  let i = prefixEnd;
  let digits = 0;
  let best: number | undefined;
  let firstGroup = true;
  for (;;) {
    const from = i;
    while (isDigit(text[i])) i++;
    const length = i - from;
    if (length === 0) break;
    // A domestic number's first group is an area or mobile code: at least three digits with the 0.
    if (firstGroup && !international && length < 3) return undefined;
    digits += length;
    firstGroup = false;
    if (digits > 11) break;
    const national = international ? digits + 1 : digits;
    if (national === 10 || national === 11) best = i;
    if (bracketOpen && text[i] === ')') {
      bracketOpen = false;
      i++;
      if (text[i] === ' ' || text[i] === '-') i++;
      if (!isDigit(text[i])) break;
      continue;
    }
    if ((text[i] === ' ' || text[i] === '-') && isDigit(text[i + 1])) {
      i++;
      continue;
    }
    break;
  }
  if (best === undefined || bracketOpen) return undefined;
  // A hyphen straight after suggests a longer code (a reference, an ISBN), not a phone number.
  if (text[best] === '-' && isDigit(text[best + 1])) return undefined;
  return best;
}

export function findPhones(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(PHONE_START)) {
    // A domestic number's 0 is part of its first group: read from it.
    const prefixEnd = m[0] === '(0' ? m.index + 1 : m[0] === '0' ? m.index : m.index + m[0].length;
    const end = readPhone(text, m.index, prefixEnd);
    if (end === undefined) continue;
    if (ISBN_CUE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    hits.push({ kind: 'phone', start: m.index, end, match: text.slice(m.index, end) });
  }
  return hits;
}

// ------------------------------------------------------------ Dates of birth

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DOB_CUE = /(?<![A-Za-z])(?:d\.o\.b\.?|dob|date\s+of\s+birth|born(?:\s+on)?)(?![A-Za-z])/gi;
/** From the cue to the date: a few words, no digits, no sentence break. */
/** A word every DOB_CUE match contains: text without one has no date of birth to find. */
export const DOB_WORD = /d\.o\.b|dob|birth|born/i;
const DOB_GAP = /^[\s:=,()–-]*(?:(?:is|was|on|the|recorded|as|given|of)[\s:=,()–-]+){0,3}/i;
const DOB_DATE = new RegExp(
  '(?:' +
    [
      String.raw`(?<dmy>(?<d1>\d{1,2})[/.-](?<m1>\d{1,2})[/.-](?<y1>\d{4}|\d{2}))`,
      String.raw`(?<iso>(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2}))`,
      String.raw`(?<dmonth>(?<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m3>${MONTHS})\.?,?\s+(?<y3>\d{4}))`,
      String.raw`(?<monthd>(?<m4>${MONTHS})\.?\s+(?<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y4>\d{4}))`,
    ].join('|') +
    String.raw`)(?!\d)`,
  'iy',
);

function plausibleDate(groups: Record<string, string | undefined>): boolean {
  const day = Number(groups.d1 ?? groups.d2 ?? groups.d3 ?? groups.d4);
  const monthText = groups.m1 ?? groups.m2;
  const month = monthText !== undefined ? Number(monthText) : 1;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

export function findDatesOfBirth(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const cue of text.matchAll(DOB_CUE)) {
    const after = cue.index + cue[0].length;
    const gap = DOB_GAP.exec(text.slice(after, after + 60));
    const at = after + (gap?.[0].length ?? 0);
    DOB_DATE.lastIndex = at;
    const date = DOB_DATE.exec(text);
    if (!date?.groups || !plausibleDate(date.groups)) continue;
    hits.push({ kind: 'date-of-birth', start: at, end: at + date[0].length, match: date[0] });
  }
  return hits;
}
