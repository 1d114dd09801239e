// The guard reads a file's parsed values (and its comments), the same text
// --redact masks: escapes and folding cannot hide data from one and not the other.
import { describe, expect, it } from 'vitest';
import { parseEvidenceFile } from '../../src/load/parse.js';
import { findPersonalData, maskPersonalData } from '../../src/validate/privacy.js';
import { findPersonalDataInParsedFile } from '../../src/validate/privacy-scan.js';
import { evidenceYaml, LA_CONFIG, runCli, tempRepo } from '../helpers.js';

function scan(text: string, allow: readonly string[] = []) {
  return findPersonalDataInParsedFile(parseEvidenceFile('test.yaml', Buffer.from(text)), allow);
}

/** Every string value of a parsed file, as --redact would see it. */
function strings(value: unknown): string[] {
  const out: string[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return out;
}

describe('the guard reads parsed values', () => {
  it.each([
    ['a double-quoted escape', 'summary: "NHS \\x39\\x34\\x33 476 5919"\n', 'nhs-number', 1, 10],
    ['a Unicode escape', 'summary: "call 07700\\u0020900123"\n', 'phone', 1, 10],
    [
      'a folded block scalar',
      'summary: >\n  NHS number 943\n  476 5919 on file\n',
      'nhs-number',
      1,
      10,
    ],
    ['a literal block scalar', 'summary: |\n  Mrs A\n  DOB 14/03/1941\n', 'date-of-birth', 3, 7],
    ['a quoted line break', 'summary: "call 07700\n  900123"\n', 'phone', 1, 10],
    ['a single-quoted value', "summary: 'NI AB 12 34 56 C'\n", 'ni-number', 1, 14],
    ['a number typed bare', 'nhs: 9434765919\n', 'nhs-number', 1, 6],
    ['a phone number typed bare', 'phone: 07700900123\n', 'phone', 1, 8],
    ['a date under a dob key', 'dob: 14/03/1941\n', 'date-of-birth', 1, 6],
    ['a date under a date-of-birth key', 'date-of-birth: 1941-03-14\n', 'date-of-birth', 1, 16],
    ['a comment', 'title: x # call 07700 900123\n', 'phone', 1, 17],
    ['a comment line', '# NHS 943 476 5919\ntitle: x\n', 'nhs-number', 1, 7],
    ['a key', '"jo@example.com": 1\n', 'email', 1, 2],
  ])('%s', (_name, text, kind, line, column) => {
    expect(scan(text).map((h) => [h.kind, h.line, h.column])).toEqual([[kind, line, column]]);
  });

  it('finds what masking each parsed string would mask, no more and no less', () => {
    const text = [
      'statement: safeguarding',
      'evidence:',
      '  - title: "Mrs A \\x28DOB 14/03/1941\\x29" # a note',
      '    summary: >',
      '      Her daughter is on 07700',
      '      900123 and jo@example.com; NHS 943 476 5919.',
      '    source: &s "NI AB\\u002012 34 56 C"',
      '    tags: [*s, "call 020 7946 0018"]',
      '',
    ].join('\n');
    const parsed = parseEvidenceFile('test.yaml', Buffer.from(text));
    const values = strings(parsed.docs);
    const masked = values.flatMap((v) => findPersonalData(v).map((h) => h.kind));
    // The alias repeats the anchored value in the output, so the guard reports it where each is written.
    expect(
      scan(text)
        .map((h) => h.kind)
        .sort(),
    ).toEqual(masked.sort());
    for (const v of values) expect(findPersonalData(maskPersonalData(v))).toEqual([]);
  });

  it('does not count a "#" inside a quoted value as a comment', () => {
    expect(scan('title: "ward #3, call 07700 900123"\n')).toHaveLength(1);
  });

  it('reads every gap of a document with a syntax error', () => {
    expect(scan('title: [unclosed\nsummary: call 07700 900123\n').length).toBeGreaterThan(0);
  });

  it('leaves allowed contacts alone in values and comments', () => {
    expect(scan('source: 01632 960000 # or 01632 960000\n', ['01632 960000'])).toEqual([]);
  });
});

describe('long runs of one pattern', () => {
  const run = 'a@b.co '.repeat(150_000);

  it('finds every address in a 1 MB string without recursion', () => {
    const hits = findPersonalData(run);
    expect(hits).toHaveLength(150_000);
    expect(hits[149_999]!.start).toBe(7 * 149_999);
  }, 60_000);

  it.each([
    ['a comment', `title: x\n# ${run}\n`],
    ['a block scalar', `title: |\n  ${run}\n`],
  ])(
    'finds every address in %s of a file',
    (_name, text) => {
      const hits = scan(text);
      expect(hits).toHaveLength(150_000);
      expect(new Set(hits.map((h) => h.line))).toEqual(new Set([2]));
    },
    60_000,
  );

  it.each([
    ['digits and dots', '1.'.repeat(300_000)],
    ['hyphenated digits', '0-'.repeat(300_000)],
    ['non-breaking spaces between zeros', '0\u00A0'.repeat(300_000)],
    ['non-ASCII letters before an @', `${'é'.repeat(500_000)}@`],
    ['at signs between letters', 'é@'.repeat(300_000)],
    ['birth cues without dates', 'date of birth '.repeat(40_000)],
    ['NI prefixes', 'AB 12 '.repeat(100_000)],
    ['+44 prefixes', '+44 (0) '.repeat(70_000)],
  ])(
    '%s',
    (_name, text) => {
      expect(Array.isArray(findPersonalData(text))).toBe(true);
    },
    60_000,
  );
});

describe('a run over such files', () => {
  it('reports hidden data once, and --redact masks it in every format', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml': evidenceYaml(
        'assessing-needs',
        '    source: "Case of NHS \\x39\\x34\\x33 476 5919"\n',
      ).replace(
        'summary: Assessments were completed within four weeks.',
        'summary: >\n      Carer on 07700\n      900123 said assessments were on time.',
      ),
    });
    try {
      const plain = await runCli(['validate', dir, '--format', 'json']);
      const codes = (
        JSON.parse(plain.stdout) as { diagnostics: { code: string }[] }
      ).diagnostics.map((d) => d.code);
      expect(codes.sort()).toEqual(['personal-data/nhs-number', 'personal-data/phone']);
      const redacted = await runCli([dir, '--format', 'json', '--redact']);
      expect(redacted.stdout).not.toContain('943 476 5919');
      expect(redacted.stdout).not.toContain('07700 900123');
    } finally {
      cleanup();
    }
  });

  it('handles a 1 MB comment of addresses in a run', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}max-file-bytes: 2000000\n`,
      'a.yaml': `${evidenceYaml()}# ${'a@b.co '.repeat(150_000)}\n`,
    });
    try {
      const result = await runCli(['validate', dir, '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      const { diagnostics } = JSON.parse(result.stdout) as {
        diagnostics: { code: string; message: string }[];
      };
      // Every address is found; the first hundred are listed and the rest counted.
      expect(diagnostics.filter((d) => d.code === 'personal-data/email')).toHaveLength(100);
      expect(diagnostics.find((d) => d.code === 'file/too-many-problems')?.message).toMatch(
        /^149900 more problems/,
      );
    } finally {
      cleanup();
    }
  }, 120_000);
});
