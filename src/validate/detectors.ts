/**
 * The detectors of the personal-data guard, one per kind: each finds every
 * candidate in a text, with its own checks (check digits, issued prefixes,
 * organisation number ranges, a birth cue before a date). privacy.ts runs
 * them together and settles overlaps.
 *
 * Every detector is linear in the length of the text and uses no recursion:
 * patterns have no nested or unbounded quantifiers that could backtrack, and
 * the email detector is a hand-written scan that visits each character at
 * most twice, so a run of any character cannot make the guard hang.
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

/** Characters people put between digit groups: space, hyphen, dot and the non-breaking spaces word processors insert. */
const GROUP_SEPARATOR = '[ \\u00A0\\u202F\\u2009.-]';
const isSeparator = (c: string | undefined): boolean =>
  c === ' ' || c === '-' || c === '.' || c === '\u00A0' || c === '\u202F' || c === '\u2009';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Words that say the figure after them is a reference of some other kind: a
 * book, a room, an incident, a meeting's minute, an order. A figure straight
 * after one is not taken for an NHS or phone number, nor for a National
 * Insurance number without its suffix letter. A complete National Insurance
 * number is seldom anything else, and people file it under "ref" ("NI ref:
 * QQ 12 34 56 C"), so it is found whatever word comes before it.
 */
const REFERENCE_CUE =
  /(?:^|[^\p{L}])(?:isbn(?:[\s:-]{0,3}1[03])?|incident|inc|room|rm|minutes?|min|ref|reference|order|invoice|ticket|datix|case\s{1,3}ref|item|agenda)\.?(?:\s{0,3}(?:no|number|num)\.?)?[\s:#-]{0,4}$/iu;

function afterReferenceCue(text: string, start: number): boolean {
  return REFERENCE_CUE.test(text.slice(Math.max(0, start - 24), start));
}

// ---------------------------------------------------------------- NHS numbers

const NHS = new RegExp(
  `(?<!\\d|\\d[.,-])(\\d{3})(${GROUP_SEPARATOR}?)(\\d{3})\\2(\\d{4})(?!\\d|[.,]\\d)`,
  'g',
);

/**
 * NHS numbers carry a Modulus 11 check digit: weights 10 down to 2 on the
 * first nine digits, check = 11 - sum % 11, where 11 means 0 and 10 means the
 * number is never issued. A random 10-digit figure passes about one time in 11.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Digits after +44 or 0044 are a phone number, even when they happen to pass the NHS check. */
const AFTER_COUNTRY_CODE = new RegExp(
  `(?:\\+|00)44${GROUP_SEPARATOR}?(?:\\(0\\)${GROUP_SEPARATOR}?)?$`,
);

export function findNhsNumbers(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(NHS)) {
    // A dot is a separator only with digits on both sides; "1.234.5678" style decimals are caught by the lookbehind.
    if (!isValidNhsNumber(`${m[1]}${m[3]}${m[4]}`)) continue;
    if (afterReferenceCue(text, m.index)) continue;
    if (AFTER_COUNTRY_CODE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    hits.push({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}

// ------------------------------------------------- National Insurance numbers

// Letters D, F, I, Q, U, V are never used; O is never second. Banned pairs are
// checked after. QQ, HMRC's specimen prefix, is taken like a real one: people
// copy it from forms, as they do the NHS's specimen number 943 476 5919.
const NI_SEPARATOR = '[ \\u00A0\\u202F-]?';
const NI = new RegExp(
  `(?<![\\p{L}\\p{N}])(QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])(${NI_SEPARATOR})(\\d{2})(${NI_SEPARATOR})(\\d{2})(${NI_SEPARATOR})(\\d{2})(?:(${NI_SEPARATOR})([A-D]))?(?![\\p{L}\\p{N}])`,
  'giu',
);
const NI_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const isUpper = (s: string): boolean => s === s.toUpperCase();
/** Words naming the number: without its suffix letter, a number needs one of them shortly before it. */
const NI_CUE = /(?:^|[^\p{L}])(?:ni|nino|national\s{1,3}insurance)(?![\p{L}])/iu;

export function findNiNumbers(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(NI)) {
    const prefix = m[1]!;
    if (NI_BANNED.has(prefix.toUpperCase())) continue;
    let suffix: string | undefined = m[9];
    let end = m.index + m[0].length;
    // "AB 12 34 56 a carer": a lower-case word after a capitalised number is prose, not its suffix.
    if (suffix !== undefined && m[8] && isUpper(prefix) !== isUpper(suffix)) {
      end -= m[8].length + suffix.length;
      suffix = undefined;
    }
    const spaced = m[2] || m[4] || m[6];
    // Spaced lower-case runs ("as 12 34 56 a") are prose; a real number written with spaces is in capitals.
    if (spaced && !isUpper(`${prefix}${suffix ?? ''}`)) continue;
    // Without its suffix letter, a capitalised number named as one shortly before; otherwise it is a code.
    if (
      suffix === undefined &&
      (!isUpper(prefix) || !NI_CUE.test(text.slice(Math.max(0, m.index - 40), m.index)))
    )
      continue;
    // Only a number without its suffix can be some other reference ("Incident ref HR123456").
    if (suffix === undefined && afterReferenceCue(text, m.index)) continue;
    hits.push({ kind: 'ni-number', start: m.index, end, match: text.slice(m.index, end) });
  }
  return hits;
}

// ------------------------------------------------------------------- Emails

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
const UNICODE_LETTER = /^\p{L}{2,}$/u;
const isAsciiAlnum = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** A letter, mark or digit of any script. */
function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return isAsciiAlnum(code) || (code > 127 && UNICODE_WORD.test(text[i]!));
}
function isLocalChar(text: string, i: number): boolean {
  const c = text[i]!;
  return (
    isWordChar(text, i) ||
    c === '.' ||
    c === '_' ||
    c === '%' ||
    c === '+' ||
    c === '-' ||
    c === "'" ||
    c === '\u2019'
  );
}
function isDomainChar(text: string, i: number): boolean {
  const c = text[i]!;
  return isWordChar(text, i) || c === '.' || c === '-';
}

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label === '' || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const top = labels[labels.length - 1]!;
  return UNICODE_LETTER.test(top) || /^xn--[a-z0-9-]+$/i.test(top);
}

/**
 * Email addresses, local parts and domains in any script (`zoë.o@example.org`,
 * `用户@例子.公司`). Each "@" is read outwards: left over local-part
 * characters, right over domain characters. The scans stop at the next "@",
 * so no character is read more than twice however the text runs on.
 */
export function findEmails(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > lastEnd && isLocalChar(text, start - 1)) start--;
    // The local part starts with a letter or digit: leading dots and signs are punctuation.
    while (start < at && !isWordChar(text, start)) start++;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && isDomainChar(text, end)) end++;
    // A full stop or hyphen at the end belongs to the sentence.
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (!validDomain(text.slice(at + 1, end))) continue;
    hits.push({ kind: 'email', start, end, match: text.slice(start, end) });
    lastEnd = end;
  }
  return hits;
}

// ------------------------------------------------------------- Phone numbers

/** Where a UK number can start: +44 or 0044 (with an optional "(0)"), "(0" of a bracketed area code, or 0. */
const PHONE_START = new RegExp(
  `(?<![\\p{L}\\p{N}_+])(?:(?:\\+|00)44${GROUP_SEPARATOR}?(?:\\(0\\)${GROUP_SEPARATOR}?)?|\\(0|0)(?=\\d)`,
  'gu',
);

/**
 * Reads digit groups after a phone-number start and returns the end of the
 * longest run of whole groups that makes a UK number: 0 plus 9 or 10 digits,
 * or +44 plus 9 or 10. A number never ends inside a group, so longer figures
 * (12345678901, 0123456789012) are not phone numbers. At most 11 digits are
 * read, so each start costs a bounded amount.
 */
function readPhone(
  text: string,
  start: number,
  prefixEnd: number,
  international: boolean,
): number | undefined {
  let bracketOpen = text[start] === '(';
  let i = prefixEnd;
  let digits = 0;
  let best: number | undefined;
  let firstGroup = true;
  let separator: string | undefined;
  for (;;) {
    const from = i;
    while (isDigit(text[i]) && i - from <= 11) i++;
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
      if (isSeparator(text[i]) && text[i] !== '.') i++;
      if (!isDigit(text[i])) break;
      continue;
    }
    const next = text[i];
    // One kind of separator per number, so "01.02.1980 07" does not run two figures together.
    if (
      isSeparator(next) &&
      isDigit(text[i + 1]) &&
      (separator === undefined || separator === next)
    ) {
      separator = next;
      i++;
      continue;
    }
    break;
  }
  if (best === undefined || bracketOpen) return undefined;
  // A hyphen or dot straight after suggests a longer code (a reference, an ISBN, a decimal), not a phone number.
  if ((text[best] === '-' || text[best] === '.') && isDigit(text[best + 1])) return undefined;
  return best;
}

/**
 * The number's second digit after the trunk 0: 3 (0300, 0330, 0345, 0370),
 * 8 (0800, 0808, 0845, 0870) and 9 are non-geographic numbers that
 * organisations publish, never a person's own line.
 */
function organisationNumber(text: string, start: number, international: boolean): boolean {
  let i = start;
  while (i < text.length && !isDigit(text[i])) i++;
  if (international) {
    i += text[i] === '0' ? 4 : 2; // past 0044 or 44
    while (i < text.length && !isDigit(text[i])) i++;
    if (text[i] === '0') i++; // a (0) written out
    while (i < text.length && !isDigit(text[i])) i++;
  } else i++;
  const code = text[i];
  return code === '3' || code === '8' || code === '9';
}

export function findPhones(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(PHONE_START)) {
    const international = m[0].startsWith('+') || m[0].startsWith('00');
    // A domestic number's 0 is part of its first group: read from it.
    const prefixEnd = m[0] === '(0' ? m.index + 1 : m[0] === '0' ? m.index : m.index + m[0].length;
    const end = readPhone(text, m.index, prefixEnd, international);
    if (end === undefined) continue;
    if (organisationNumber(text, m.index, international)) continue;
    if (afterReferenceCue(text, m.index)) continue;
    hits.push({ kind: 'phone', start: m.index, end, match: text.slice(m.index, end) });
  }
  return hits;
}

// ------------------------------------------------------------ Dates of birth

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** The words that announce a date of birth. "born" alone counts too, unless a service or project was born. */
const BIRTH_CUE = String.raw`d\.\s?o\.\s?b\.?|dob|date[\s_-]{1,3}of[\s_-]{1,3}birth|birth[\s_-]{0,3}date|born(?:[\s-]{1,3}on)?`;
const DOB_CUE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${BIRTH_CUE})(?![\\p{L}\\p{N}])`, 'giu');
/** A word every DOB_CUE match contains: text without one has no date of birth to find. */
export const DOB_WORD = /d\.\s?o\.\s?b|dob|birth|born/i;
/** A cue that a whole YAML key is, so the value under `dob:` or `date-of-birth:` is read as one. */
export const DOB_KEY = new RegExp(`^\\s*(?:${BIRTH_CUE})\\s*$`, 'i');
/** Things that are "born" without being people: "the service was born on 1 April 2015". */
const BORN_THING = String.raw`service|team|project|scheme|programme|program|initiative|partnership|hub|network|forum|idea|strategy|policy|board|organi[sz]ation|company|charity|group|model|approach|unit|pilot|centre|center|practice|collaborative|alliance|campaign|council|trust|website|app|pathway|clinic|it`;
/**
 * What may stand between the thing and "was born" and still leave the thing
 * the one born: "which", "that" or "itself", then a short clause with "we",
 * "they" or "you" ("the service, which we run, was born on"). A pronoun with
 * "was" or "were" straight after is the one born ("told the team that I was
 * born on"), so that clause does not reach back.
 */
const THING_CLAUSE = String.raw`(?:(?:which|that|itself)[\s,]{1,3})?(?:(?:we|they|you|i)\s{1,3}(?!(?:was|were|is|are|am|had|have)(?!\p{L}))\p{L}{1,20}[\s,]{1,3})?`;
const NOT_A_PERSON = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${BORN_THING})[\s,]{1,3}${THING_CLAUSE}(?:(?:was|were|is|had\s{1,3}been|first|originally|officially)\s{1,3}){0,2}$`,
  'iu',
);
/** From the cue to the date: a few short words, no digits, no sentence break. */
const DOB_GAP =
  /^[\s:=,()–-]{0,6}(?:(?:is|was|on|the|recorded|as|given|of|at|dated|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[\s:=,()–-]{1,6}){0,3}/i;
const DOB_DATE = new RegExp(
  '(?:' +
    [
      String.raw`(?<dmy>(?<d1>\d{1,2})(?<s1>[/.-]| ?/ ?| )(?<m1>\d{1,2})\k<s1>(?<y1>\d{4}|\d{2}))`,
      String.raw`(?<iso>(?<y2>\d{4})(?<s2>[-/.])(?<m2>\d{1,2})\k<s2>(?<d2>\d{1,2}))`,
      String.raw`(?<dmonth>(?<d3>\d{1,2})(?:st|nd|rd|th)?(?:[\s/-]{1,3}of\s{1,3}|[\s/-]{1,3})(?<m3>${MONTHS})\.?,?[\s/-]{1,3}(?<y3>\d{4}|\d{2}))`,
      String.raw`(?<monthd>(?<m4>${MONTHS})\.?\s{1,3}(?<d4>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(?<y4>\d{4}))`,
    ].join('|') +
    String.raw`)(?![\d\p{L}])`,
  'iyu',
);

function plausibleDate(groups: Record<string, string | undefined>): boolean {
  const day = Number(groups.d1 ?? groups.d2 ?? groups.d3 ?? groups.d4);
  const monthName = groups.m3 ?? groups.m4;
  let month = monthName
    ? (MONTH_NUMBER[monthName.slice(0, 3).toLowerCase()] ?? 0)
    : Number(groups.m1 ?? groups.m2);
  let dayOfMonth = day;
  // 12/25/1985 is written month first: accept it when no other reading works.
  if (groups.dmy && month > 12 && day <= 12) [dayOfMonth, month] = [month, day];
  const yearText = groups.y1 ?? groups.y2 ?? groups.y3 ?? groups.y4 ?? '';
  const year = Number(yearText);
  if (yearText.length === 4 && (year < 1880 || year > 2099)) return false;
  return dayOfMonth >= 1 && dayOfMonth <= 31 && month >= 1 && month <= 12;
}

export function findDatesOfBirth(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const cue of text.matchAll(DOB_CUE)) {
    // Far enough back for "the partnership, which we commission, was first born".
    if (
      /^born/i.test(cue[0]) &&
      NOT_A_PERSON.test(text.slice(Math.max(0, cue.index - 64), cue.index))
    )
      continue;
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
