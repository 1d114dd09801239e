import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isValidNhsNumber,
  maskPersonalData,
  personalDataMessage,
  phoneKey,
  PERSONAL_DATA_KINDS,
} from '../../src/validate/privacy.js';
import type { PersonalDataKind } from '../../src/validate/privacy.js';
import { parseEvidenceFile } from '../../src/load/parse.js';
import { findPersonalDataInParsedFile } from '../../src/validate/privacy-scan.js';

/** The guard over a file's text, as a run reads it: parsed values and comments. */
function findPersonalDataInFile(text: string, allow: readonly string[] = []) {
  return findPersonalDataInParsedFile(parseEvidenceFile('test.yaml', Buffer.from(text)), allow);
}

interface Case {
  text: string;
  /** The kind found and the exact words it covers; omit for a false positive. */
  kind?: PersonalDataKind;
  match?: string;
  why?: string;
}

const AFTER_A_REFERENCE_WORD = 'a complete NI number is found whatever word comes before it';

// Valid NHS numbers below were made up and given a correct mod-11 check digit:
// 943 476 5919, 401 023 2137, 999 000 0018, 485 777 3457, 450 557 7104, 640 118 3837.
const truePositives: Case[] = [
  // NHS numbers
  { text: 'NHS number 943 476 5919 on file', kind: 'nhs-number', match: '943 476 5919' },
  { text: 'NHS no. 4010232137', kind: 'nhs-number', match: '4010232137' },
  { text: 'nhs: 999-000-0018.', kind: 'nhs-number', match: '999-000-0018' },
  { text: '(485 777 3457)', kind: 'nhs-number', match: '485 777 3457' },
  { text: 'number 4505577104, seen', kind: 'nhs-number', match: '4505577104' },
  {
    text: 'no.6401183837',
    kind: 'nhs-number',
    match: '6401183837',
    why: 'a full stop after a word is not a decimal point',
  },
  // National Insurance numbers
  { text: 'NI number AB 12 34 56 C', kind: 'ni-number', match: 'AB 12 34 56 C' },
  { text: 'NINO: AB123456C.', kind: 'ni-number', match: 'AB123456C' },
  {
    text: 'ni ce123456a',
    kind: 'ni-number',
    match: 'ce123456a',
    why: 'compact lower case is still a number',
  },
  { text: 'JY 98 76 54 D', kind: 'ni-number', match: 'JY 98 76 54 D' },
  { text: 'PA 111111 B', kind: 'ni-number', match: 'PA 111111 B' },
  // Emails
  { text: 'write to jo.bloggs@example.com.', kind: 'email', match: 'jo.bloggs@example.com' },
  { text: '<a.b+tag@mail.example.co.uk>', kind: 'email', match: 'a.b+tag@mail.example.co.uk' },
  { text: 'mailto:J_Smith99@Example.ORG', kind: 'email', match: 'J_Smith99@Example.ORG' },
  // Phone numbers
  { text: 'call 020 7946 0000 today', kind: 'phone', match: '020 7946 0000' },
  { text: 'mobile 07700 900123.', kind: 'phone', match: '07700 900123' },
  { text: 'tel +44 7700 900123', kind: 'phone', match: '+44 7700 900123' },
  { text: '+447700900456', kind: 'phone', match: '+447700900456' },
  { text: '+44 (0)20 7946 0001', kind: 'phone', match: '+44 (0)20 7946 0001' },
  { text: 'ring (020) 7946 0002', kind: 'phone', match: '(020) 7946 0002' },
  { text: '01632 960001', kind: 'phone', match: '01632 960001' },
  { text: '0161 496 0000', kind: 'phone', match: '0161 496 0000' },
  { text: '0117-496-0123', kind: 'phone', match: '0117-496-0123' },
  { text: '07700900789', kind: 'phone', match: '07700900789' },
  {
    text: 'on 020 7946 0000 12 times',
    kind: 'phone',
    match: '020 7946 0000',
    why: 'a separate figure after the number is not part of it',
  },
  // Dates of birth
  { text: 'DOB: 01/02/1980', kind: 'date-of-birth', match: '01/02/1980' },
  { text: 'D.O.B. 1-2-80', kind: 'date-of-birth', match: '1-2-80' },
  { text: 'born on 3 March 1990', kind: 'date-of-birth', match: '3 March 1990' },
  { text: 'born 3rd of Sept 1949', kind: 'date-of-birth', match: '3rd of Sept 1949' },
  { text: 'date of birth is 1985-12-25', kind: 'date-of-birth', match: '1985-12-25' },
  { text: 'Date of Birth: December 25, 1985', kind: 'date-of-birth', match: 'December 25, 1985' },
  { text: '(dob 14.03.1941)', kind: 'date-of-birth', match: '14.03.1941' },
  // The separators and forms people type and paste
  { text: 'NHS 943.476.5919', kind: 'nhs-number', match: '943.476.5919' },
  { text: 'NHS 943\u00A0476\u00A05919', kind: 'nhs-number', match: '943\u00A0476\u00A05919' },
  { text: 'NHS 943\u202F476\u202F5919', kind: 'nhs-number', match: '943\u202F476\u202F5919' },
  { text: 'NI AB-12-34-56-C', kind: 'ni-number', match: 'AB-12-34-56-C' },
  {
    text: 'NI AB\u00A012\u00A034\u00A056\u00A0C',
    kind: 'ni-number',
    match: 'AB\u00A012\u00A034\u00A056\u00A0C',
  },
  {
    text: 'NI number AB 12 34 56',
    kind: 'ni-number',
    match: 'AB 12 34 56',
    why: 'no suffix letter, named as NI',
  },
  {
    text: 'NI AB 12 34 56 a carer',
    kind: 'ni-number',
    match: 'AB 12 34 56',
    why: 'a lower-case word is no suffix',
  },
  { text: 'to zoë.brown@example.com', kind: 'email', match: 'zoë.brown@example.com' },
  { text: "to o'brien@example.com", kind: 'email', match: "o'brien@example.com" },
  {
    text: 'NI QQ 12 34 56 C',
    kind: 'ni-number',
    match: 'QQ 12 34 56 C',
    why: "HMRC's specimen prefix, copied from forms",
  },
  { text: 'NI number QQ-12-34-56', kind: 'ni-number', match: 'QQ-12-34-56' },
  {
    text: 'Mr B, NI ref: QQ 12 34 56 C, was charged early.',
    kind: 'ni-number',
    match: 'QQ 12 34 56 C',
    why: AFTER_A_REFERENCE_WORD,
  },
  {
    text: 'Client ref AB123456C was charged early.',
    kind: 'ni-number',
    match: 'AB123456C',
    why: AFTER_A_REFERENCE_WORD,
  },
  {
    text: 'National Insurance ref. QQ-12-34-56-C',
    kind: 'ni-number',
    match: 'QQ-12-34-56-C',
    why: AFTER_A_REFERENCE_WORD,
  },
  { text: 'order AB123456C', kind: 'ni-number', match: 'AB123456C', why: AFTER_A_REFERENCE_WORD },
  {
    text: 'Reference no. WP 65 43 21 A',
    kind: 'ni-number',
    match: 'WP 65 43 21 A',
    why: AFTER_A_REFERENCE_WORD,
  },
  { text: 'to 用户@example.com.', kind: 'email', match: '用户@example.com' },
  { text: 'to françois@exämple.fr', kind: 'email', match: 'françois@exämple.fr' },
  { text: 'on 0044 7700 900123', kind: 'phone', match: '0044 7700 900123' },
  { text: 'on 0044 (0)20 7946 0001', kind: 'phone', match: '0044 (0)20 7946 0001' },
  { text: 'on 07700.900.123', kind: 'phone', match: '07700.900.123' },
  { text: 'on 07700\u00A0900123', kind: 'phone', match: '07700\u00A0900123' },
  { text: 'on +44\u00A07700\u00A0900123', kind: 'phone', match: '+44\u00A07700\u00A0900123' },
  {
    text: '+44 113 496 0999',
    kind: 'phone',
    match: '+44 113 496 0999',
    why: 'passes the NHS check but follows +44',
  },
  { text: 'date-of-birth 03-Mar-1941', kind: 'date-of-birth', match: '03-Mar-1941' },
  { text: 'birth date: 1941-03-03', kind: 'date-of-birth', match: '1941-03-03' },
  { text: 'D. O. B. 5 Jan 1944', kind: 'date-of-birth', match: '5 Jan 1944' },
  { text: 'born on Tuesday 9 October 1934', kind: 'date-of-birth', match: '9 October 1934' },
  { text: 'Mrs A was born on 3 March 1941', kind: 'date-of-birth', match: '3 March 1941' },
  { text: 'he was born on 03/03/1941', kind: 'date-of-birth', match: '03/03/1941' },
  {
    text: 'Mrs A told the team that I was born on 3 March 1941',
    kind: 'date-of-birth',
    match: '3 March 1941',
    why: 'a pronoun that was born is a person, not a clause about the team',
  },
  {
    text: 'She told the team that they were born on 3 March 1941',
    kind: 'date-of-birth',
    match: '3 March 1941',
    why: 'a pronoun that was born is a person, not a clause about the team',
  },
  {
    text: 'The service user that we support was born on 3 March 1941',
    kind: 'date-of-birth',
    match: '3 March 1941',
    why: 'the clause is about the service user, not the service',
  },
  { text: 'DOB 12/25/1985', kind: 'date-of-birth', match: '12/25/1985', why: 'month first' },
];

const falsePositives: Case[] = [
  // NHS-shaped figures
  { text: 'ref 9434765918', why: 'fails the mod-11 check digit' },
  { text: 'ref 943 476 5910', why: 'fails the mod-11 check digit' },
  { text: 'ref 1234567890', why: 'check digit would be 10, which no NHS number has' },
  { text: 'ref 1000000010', why: 'check digit would be 10' },
  { text: 'id 94347659190', why: '11 digits: a valid number inside a longer run' },
  { text: 'id 19434765919', why: 'a valid number inside a longer run' },
  { text: '943 476 59190', why: 'the last group runs on' },
  { text: 'total 1.9434765919', why: 'a decimal' },
  { text: '943 476-5919', why: 'mixed separators are not the 3-3-4 form' },
  { text: 'ISBN 0306406152', why: 'an ISBN-10 shares the mod-11 sum but is cued as a book' },
  { text: 'ISBN-10: 0-306-40615-2', why: 'a hyphenated ISBN' },
  { text: 'ISBN 978-0-306-40615-7', why: 'an ISBN-13' },
  // National Insurance lookalikes
  { text: 'DA123456A', why: 'D is never a prefix letter' },
  { text: 'AO123456A', why: 'O is never the second letter' },
  { text: 'GB123456A', why: 'GB is not allocated' },
  { text: 'TN 12 34 56 A', why: 'TN is a temporary number prefix' },
  { text: 'ZZ123456A', why: 'ZZ is not allocated' },
  { text: 'AB123456E', why: 'suffix is A to D only' },
  { text: 'AB1234567C', why: 'seven digits' },
  { text: 'as 12 34 56 a', why: 'spaced lower-case words and figures are prose' },
  // Email lookalikes
  { text: 'user@localhost', why: 'no domain' },
  { text: 'follow @carersuk on social media', why: 'a handle' },
  { text: 'jo@@example.com', why: 'two @' },
  // Phone lookalikes
  { text: 'dated 2024-08-14', why: 'a date' },
  { text: 'budget 1,234,567', why: 'a grouped figure' },
  { text: 'grant of 1,200,000 pounds', why: 'a grouped figure' },
  { text: 'ref 12345678901', why: '11 digits not starting with 0' },
  { text: 'ref 012345678901234', why: 'a longer run of digits' },
  { text: 'ref 020-7946-0000-12', why: 'a hyphenated code longer than a phone number' },
  { text: 'in 2023/24 and 2024/25', why: 'financial years' },
  { text: 'postcode ME4 4TR', why: 'a postcode' },
  { text: 'postcode SW1A 0AA', why: 'a postcode' },
  { text: 'score 0 1 2 3 4 5 6 7 8 9', why: 'single digits' },
  { text: 'ratio 0.123456789', why: 'a decimal' },
  { text: 'on 01/02/2024', why: 'a date without a birth cue' },
  { text: 'at 09:30 on 01-02-2024', why: 'a time and a date' },
  { text: '0800 123', why: 'too short' },
  // Dates that are not dates of birth
  { text: 'started on 01/02/1980', why: 'no birth cue' },
  { text: 'born in 1950', why: 'a year is not a date' },
  { text: 'born out of a 2019 review, dated 01/02/2020', why: 'the date is too far from the cue' },
  { text: 'DOB 31/13/1980', why: 'not a real month' },
  { text: 'newborn checks from 01/02/2024', why: '"born" inside a word is no cue' },
  { text: 'DOBSON report 01/02/1980', why: '"DOB" inside a word is no cue' },
  // Organisation numbers, references and services
  ...[
    '0300 123 4567',
    '0800 123 4567',
    '0845 600 1234',
    '0808 800 1234',
    '0330 123 4567',
    '0345 600 1234',
    '0370 000 1234',
    '+44 300 123 4567',
    '0044 800 123 4567',
  ].map((n) => ({ text: `call ${n}`, why: 'a non-geographic organisation number' })),
  { text: 'Incident 4010232137 closed', why: 'an incident number' },
  { text: 'Room no. 07700 900123', why: 'a room number' },
  { text: 'Minute ref 943 476 5919', why: 'a minute reference' },
  { text: 'CQC location 1-4010232137', why: 'a CQC location id' },
  { text: 'Form AB123456 is old', why: 'no suffix letter and not named as an NI number' },
  {
    text: "The NI region's incident ref AB 12 34 56 was closed",
    why: 'no suffix letter, straight after a reference word',
  },
  { text: 'The befriending service was born on 1 April 2015', why: 'a service is born' },
  { text: 'The scheme, born on 1 June 2019, grew', why: 'a scheme is born' },
  {
    text: 'The service, which was born on 1 April 2019, now has 12 staff.',
    why: 'a service is born, past a relative clause',
  },
  { text: 'The service that was born on 1 April 2019', why: 'a service is born' },
  { text: 'The service itself was born on 1 April 2019', why: 'a service is born' },
  { text: 'The service we run was born on 1 April 2019', why: 'a service is born' },
  { text: 'our hub, which was born on 1 April 2019', why: 'a hub is born' },
  {
    text: 'The partnership, which we commission, was first born on 12/09/2016',
    why: 'a partnership is born',
  },
];

describe('findPersonalData: true positives', () => {
  it.each(truePositives)('$text', ({ text, kind, match }) => {
    const hits = findPersonalData(text);
    expect(hits.map((h) => [h.kind, h.match])).toEqual([[kind, match]]);
    const [hit] = hits;
    expect(text.slice(hit!.start, hit!.end)).toBe(match);
  });
});

describe('findPersonalData: false positives', () => {
  it.each(falsePositives)('$text ($why)', ({ text }) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('isValidNhsNumber', () => {
  it.each([
    ['9434765919', true],
    ['4010232137', true],
    ['9990000018', true],
    ['9434765918', false],
    ['1234567890', false],
    ['943476591', false],
    ['943 476 5919', false],
  ])('%s → %s', (digits, valid) => {
    expect(isValidNhsNumber(digits)).toBe(valid);
  });

  it('accepts a check digit of 0 when 11 - sum % 11 is 11', () => {
    // Search for a base whose weighted sum is a multiple of 11 rather than work one out by hand.
    const base = Array.from({ length: 1000 }, (_, n) => String(100000000 + n)).find((b) => {
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(b[i]) * (10 - i);
      return sum % 11 === 0;
    })!;
    expect(isValidNhsNumber(`${base}0`)).toBe(true);
    expect(findPersonalData(`NHS ${base}0`)).toHaveLength(1);
  });
});

describe('several hits in one text', () => {
  it('finds each in order with offsets', () => {
    const text =
      'Mr B (DOB 02/03/1944, NHS 943 476 5919) on 07700 900123 or b@example.net; NI AB123456C.';
    const hits = findPersonalData(text);
    expect(hits.map((h) => h.kind)).toEqual([
      'date-of-birth',
      'nhs-number',
      'phone',
      'email',
      'ni-number',
    ]);
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.match);
  });

  it('reports an email once, not also the phone-like digits inside it', () => {
    expect(findPersonalData('x.07700900123@example.com').map((h) => h.kind)).toEqual(['email']);
  });

  it('prefers an NHS number to a phone number for the same digits', () => {
    // 012 345 6789 would be a phone number too; find a valid NHS number starting 0.
    const base = Array.from({ length: 100 }, (_, n) => `0123456${String(n).padStart(2, '0')}`).find(
      (b) => Array.from({ length: 10 }, (_, d) => `${b}${d}`).some(isValidNhsNumber),
    )!;
    const digits = Array.from({ length: 10 }, (_, d) => `${base}${d}`).find(isValidNhsNumber)!;
    const text = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    expect(findPersonalData(text).map((h) => h.kind)).toEqual(['nhs-number']);
  });
});

describe('allow-list', () => {
  const allow = ['Adult.Social.Care@example-council.gov.uk', '01632 960000'];

  it.each([
    ['adult.social.care@example-council.gov.uk', 'an allowed email, in another case'],
    ['ADULT.SOCIAL.CARE@EXAMPLE-COUNCIL.GOV.UK', 'upper case'],
    ['01632 960000', 'the allowed phone number as written'],
    ['01632960000', 'without spaces'],
    ['01632 960 000', 'spaced differently'],
    ['01632-960-000', 'with hyphens'],
    ['+44 1632 960000', 'in international form'],
    ['+44 (0)1632 960000', 'with (0)'],
  ])('%s is allowed (%s)', (text) => {
    expect(findPersonalData(`contact ${text} for help`, allow)).toEqual([]);
  });

  it.each([
    ['care@example-council.gov.uk', 'another address at the same domain'],
    ['01632 960001', 'another number'],
    ['943 476 5919', 'an NHS number is never an organisation contact'],
  ])('%s is still found (%s)', (text) => {
    expect(findPersonalData(`contact ${text} for help`, allow)).toHaveLength(1);
  });

  it('normalises phone numbers to one national form', () => {
    expect(phoneKey('+44 (0)20 7946 0000')).toBe('02079460000');
    expect(phoneKey('+44 20 7946 0000')).toBe('02079460000');
    expect(phoneKey('(020) 7946-0000')).toBe('02079460000');
  });
});

describe('maskPersonalData', () => {
  it.each([
    [
      'NHS 943 476 5919, DOB 01/02/1980.',
      'NHS [redacted nhs-number], DOB [redacted date-of-birth].',
    ],
    ['email jo@example.com or 07700 900123', 'email [redacted email] or [redacted phone]'],
    ['NI AB 12 34 56 C', 'NI [redacted ni-number]'],
    ['nothing personal: 1,234 people in 2023/24', 'nothing personal: 1,234 people in 2023/24'],
    ['', ''],
  ])('%s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('leaves allowed contacts visible', () => {
    expect(
      maskPersonalData('ask help@example-council.gov.uk or jo@example.com', [
        'help@example-council.gov.uk',
      ]),
    ).toBe('ask help@example-council.gov.uk or [redacted email]');
  });

  it('masks to text with nothing left to find', () => {
    const text =
      'Mr B (DOB 02/03/1944, NHS 943 476 5919) on 07700 900123 or b@example.net; NI AB123456C.';
    expect(findPersonalData(maskPersonalData(text))).toEqual([]);
  });
});

describe('messages', () => {
  it.each(PERSONAL_DATA_KINDS)(
    'the %s message never repeats the data and says what to do',
    (kind) => {
      const message = personalDataMessage(kind);
      expect(message).toMatch(/remove it/);
      expect(message).not.toMatch(/\d/);
    },
  );
});

describe('hostile input stays fast', () => {
  const n = 200_000;
  it.each([
    ['digits', '1'.repeat(n)],
    ['zeros with spaces', '000 '.repeat(n / 4)],
    ['at signs', 'a@'.repeat(n / 2)],
    ['dotted domain', `x@${'a.'.repeat(n / 2)}`],
    ['hyphenated domain', `x@${'a-'.repeat(n / 2)}`],
    ['birth cues', 'born on the '.repeat(n / 12)],
    ['phone after phone', '020 7946 '.repeat(n / 9)],
  ])(
    '%s',
    (_name, text) => {
      // A pattern that backtracks badly would run for minutes here; the test's own timeout catches it.
      expect(Array.isArray(findPersonalData(text))).toBe(true);
    },
    15_000,
  );
});

// The fixture states its own expectations: `# expect: personal-data/<kind>` on each line with a hit.
describe('fixtures/personal-data', () => {
  const dir = 'fixtures/personal-data';
  const config = readFileSync(join(dir, 'cqc-score.yaml'), 'utf8');
  const allow = [...config.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1]!.trim());
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'cqc-score.yaml');

  it('has an allow-list and evidence files', () => {
    expect(allow).toEqual(['adult.social.care@example-council.gov.uk', '01632 960000']);
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: hits are exactly on the lines that expect them', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected = text.split('\n').flatMap((line, index) => {
      const codes = /# expect: (.+)$/.exec(line)?.[1] ?? '';
      return codes
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c.startsWith('personal-data/'))
        .map((code) => `${index + 1} ${code}`);
    });
    const found = findPersonalDataInFile(text, allow).map(
      (hit) => `${hit.line} personal-data/${hit.kind}`,
    );
    expect(found).toEqual(expected);
  });

  it('gives 1-based columns at the first character of the match', () => {
    const text = 'a: 1\nb: "x jo@example.com"\n';
    expect(findPersonalDataInFile(text)).toEqual([
      { kind: 'email', start: 11, end: 25, match: 'jo@example.com', line: 2, column: 7 },
    ]);
  });
});
