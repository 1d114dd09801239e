// Inline suppressions and per-code severities: directives are read from the
// text, applied by line, and a directive without a reason or without effect
// is itself a warning.
import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/validate/suppressions.js';
import { LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const undated = (title: string): string =>
  `  - title: ${title}\n    category: processes\n    summary: Reviews were held each month.\n`;

/** Runs `validate --format json` on one evidence file and returns its diagnostics as `line code severity`. */
async function diagnostics(evidence: string, config = ''): Promise<string[]> {
  const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG + config, 'e.yaml': evidence });
  try {
    const { stdout } = await runCli(['validate', repo.dir, '--format', 'json']);
    const { diagnostics: list } = JSON.parse(stdout) as {
      diagnostics: { line: number; code: string; severity: string }[];
    };
    return list.map((d) => `${d.line} ${d.code} ${d.severity}`);
  } finally {
    repo.cleanup();
  }
}

describe('findDirectives', () => {
  it.each([
    [
      '# cqc-score-disable-next-line missing-date -- dated in the minutes',
      'disable-next-line',
      ['missing-date'],
      'dated in the minutes',
    ],
    ['  - title: x # cqc-score-disable a, b -- why', 'disable', ['a', 'b'], 'why'],
    ['# cqc-score-enable', 'enable', [], ''],
    ['#cqc-score-disable-next-line missing-date', 'disable-next-line', ['missing-date'], ''],
  ])('%s', (line, kind, codes, reason) => {
    expect(findDirectives(`a: 1\n${line}\n`)).toEqual([
      expect.objectContaining({ kind, codes, reason, line: 2 }),
    ]);
  });

  it.each(['summary: "see #cqc-score-disabled"', 'title: a#cqc-score-disable x -- y', 'x: 1'])(
    'finds none in %s',
    (line) => expect(findDirectives(line)).toEqual([]),
  );
});

describe('suppressions', () => {
  it.each([
    ['nothing suppressed', '', ['3 missing-date warn', '6 missing-date warn']],
    [
      'next line, with a reason',
      '# cqc-score-disable-next-line missing-date -- dated in the minutes\n',
      ['7 missing-date warn'],
      true,
    ],
    [
      'a reasonless directive suppresses nothing and is a warning',
      '# cqc-score-disable-next-line missing-date\n',
      ['3 suppression/missing-reason warn', '4 missing-date warn', '7 missing-date warn'],
      true,
    ],
    [
      'a directive naming no code is a warning',
      '# cqc-score-disable-next-line -- because\n',
      ['3 suppression/missing-code warn', '4 missing-date warn', '7 missing-date warn'],
      true,
    ],
    [
      'an unused directive is a warning',
      '# cqc-score-disable-next-line stale-evidence -- kept\n',
      ['3 suppression/unused warn', '4 missing-date warn', '7 missing-date warn'],
      true,
    ],
    [
      'a range to the end of the file',
      '# cqc-score-disable missing-date -- the log has the dates\n',
      [],
      true,
    ],
    [
      'a family',
      '# cqc-score-disable schema/* missing-date -- drafts\n',
      ['3 suppression/unused warn'],
      true,
    ],
  ])('%s', async (_name, directive, expected, beforeFirst = false) => {
    const text = `statement: assessing-needs\nevidence:\n${beforeFirst ? directive : ''}${undated('First')}${beforeFirst ? '' : directive}${undated('Second')}`;
    expect(await diagnostics(text)).toEqual(expected);
  });

  it.each(['personal-data/email', 'personal-data/*', 'privacy/weakened'])(
    'cannot silence the personal-data check with %s',
    async (code) => {
      const text = `statement: assessing-needs\nevidence:\n# cqc-score-disable ${code} -- a shared inbox\n  - title: Write to jo.bloggs@example.org\n    category: processes\n    summary: Reviews were held each month.\n    date: 2024-05-01\n`;
      expect(await diagnostics(text)).toEqual([
        '3 suppression/personal-data warn',
        '4 personal-data/email error',
      ]);
    },
  );

  it('takes a code without a family in the evidence family too', async () => {
    const text = `statement: assessing-needs\nevidence:\n# cqc-score-disable-next-line evidence/missing-date -- dated elsewhere\n${undated('First')}${undated('Second')}`;
    expect(await diagnostics(text)).toEqual(['7 missing-date warn']);
  });

  it('ends a range at cqc-score-enable', async () => {
    const text = `statement: assessing-needs\nevidence:\n# cqc-score-disable missing-date -- dated elsewhere\n${undated('First')}# cqc-score-enable\n${undated('Second')}`;
    expect(await diagnostics(text)).toEqual(['8 missing-date warn']);
  });
});

describe('rules: in the configuration', () => {
  const text = `statement: assessing-needs\nevidence:\n${undated('First')}  - title: Old\n    category: processes\n    summary: An old review.\n    date: 2019-01-01\n`;
  it.each([
    ['', ['3 missing-date warn', '9 stale-evidence warn']],
    ['rules:\n  missing-date: off\n', ['9 stale-evidence warn']],
    [
      'rules:\n  missing-date: error\n  stale-evidence: info\n',
      ['3 missing-date error', '9 stale-evidence info'],
    ],
    // Codes without a family can be named in the evidence family, one or all.
    ['rules:\n  evidence/missing-date: off\n', ['9 stale-evidence warn']],
    ['rules:\n  evidence/*: info\n', ['3 missing-date info', '9 stale-evidence info']],
    ['rules:\n  evidence/*: off\n  schema/*: error\n', []],
  ])('%j', async (config, expected) => {
    expect(await diagnostics(text, config)).toEqual(expected);
  });

  it.each(['personal-data/phonex', 'personal-data/anything at all'])(
    'refuses a personal-data code that does not exist: %s',
    async (code) => {
      const repo = tempRepo({ 'cqc-score.yaml': `${LA_CONFIG}rules:\n  "${code}": off\n` });
      try {
        const { code: status, stderr } = await runCli(['validate', repo.dir]);
        expect(status).toBe(2);
        expect(stderr).toContain(`"${code}" is not a diagnostic code`);
      } finally {
        repo.cleanup();
      }
    },
  );

  it('refuses a code that does not exist, with the nearest', async () => {
    const repo = tempRepo({ 'cqc-score.yaml': `${LA_CONFIG}rules:\n  missing-dat: off\n` });
    try {
      const { code, stderr } = await runCli(['validate', repo.dir]);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /cqc-score\.yaml:4:\d+ error schema\/enum {2}"missing-dat" is not a diagnostic code .*; did you mean "missing-date"\?/,
      );
    } finally {
      repo.cleanup();
    }
  });
});
