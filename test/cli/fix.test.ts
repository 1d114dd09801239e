// --fix makes only the safe corrections, only when asked, atomically, and
// changes nothing else in the file; --fix-dry-run shows them as a diff.
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, unifiedDiff } from '../../src/load/edit.js';
import { clearMatch } from '../../src/schema/suggest.js';
import { LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const BEFORE = `# Evidence with mistakes --fix can correct.
statement: assessing-needs
evidence:
  - title: Day-first date   # a comment that must stay
    category: Processes
    sumary: 'Written the British way.'
    date: 14/08/2024
    judgement: "Strength"
  - title: Nothing clear to fix
    category: processes
    summary: A status two answers away from every allowed value.
    date: 2024-08-01
    status: plan
`;

const AFTER = `# Evidence with mistakes --fix can correct.
statement: assessing-needs
evidence:
  - title: Day-first date   # a comment that must stay
    category: processes
    summary: 'Written the British way.'
    date: 2024-08-14
    judgement: "strength"
  - title: Nothing clear to fix
    category: processes
    summary: A status two answers away from every allowed value.
    date: 2024-08-01
    status: plan
`;

function withRepo(test: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'a.yaml': BEFORE });
    try {
      await test(repo.dir);
    } finally {
      repo.cleanup();
    }
  };
}

describe('--fix', () => {
  it(
    'is never on by default: validate reports the fixable problems and writes nothing',
    withRepo(async (dir) => {
      const run = await runCli(['validate', dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('write 2024-08-14');
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(BEFORE);
    }),
  );

  it(
    '--fix-dry-run prints a unified diff of the corrections and writes nothing',
    withRepo(async (dir) => {
      const run = await runCli(['validate', dir, '--fix-dry-run']);
      // Nothing was written, so the files still hold their errors, as a CI job must hear.
      expect(run.code).toBe(1);
      expect((await runCli([dir, '--fix-dry-run'])).code).toBe(1);
      const file = join(dir, 'a.yaml');
      const shown = relative(process.cwd(), file);
      expect(run.stdout).toBe(
        [
          `--- a/${shown}`,
          `+++ b/${shown}`,
          '@@ -2,10 +2,10 @@',
          ' statement: assessing-needs',
          ' evidence:',
          '   - title: Day-first date   # a comment that must stay',
          '-    category: Processes',
          '+    category: processes',
          "-    sumary: 'Written the British way.'",
          "+    summary: 'Written the British way.'",
          '-    date: 14/08/2024',
          '+    date: 2024-08-14',
          '-    judgement: "Strength"',
          '+    judgement: "strength"',
          '   - title: Nothing clear to fix',
          '     category: processes',
          '     summary: A status two answers away from every allowed value.',
          '',
        ].join('\n'),
      );
      expect(run.stderr).toContain('--fix would correct 4 problems in 1 file');
      expect(readFileSync(file, 'utf8')).toBe(BEFORE);
    }),
  );

  it(
    'corrects only the offending keys and values, keeps comments, quotes and permissions, and reports what is left',
    withRepo(async (dir) => {
      const file = join(dir, 'a.yaml');
      chmodSync(file, 0o640);
      const run = await runCli(['validate', dir, '--fix']);
      expect(readFileSync(file, 'utf8')).toBe(AFTER);
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'cqc-score.yaml']);
      expect(run.stderr).toContain('fixed 4 problems in 1 file');
      // The unclear one is left, and reported.
      expect(run.stdout).toMatch(/a\.yaml:13:13 error schema\/enum {2}"status" cannot be "plan"/);
      expect(run.code).toBe(1);
    }),
  );

  it(
    'works on the scoring command too, then scores the corrected files',
    withRepo(async (dir) => {
      const run = await runCli([dir, '--fix', '--format', 'json']);
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(AFTER);
      const result = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
      expect(result.diagnostics.map((d) => d.code)).toEqual(['schema/enum']);
    }),
  );
});

const NAMES_BEFORE = `# Statement names --fix can and cannot correct.
statement: safegaurding   # the document's statement, two letters swapped
evidence:
  - title: Named by its title, one letter missing
    category: processes
    summary: Written as the title.
    date: 2024-08-01
    statement: 'Asessing needs'
  - title: Two statements, the second misspelt
    category: processes
    summary: A list with one typo.
    date: 2024-08-01
    statements: [assessing-needs, "partnrship and comunities"]
  - title: Three edits away
    category: processes
    summary: Suggested, but not clear enough to fix.
    date: 2024-08-01
    statement: safegaurdng
  - title: Nothing near
    category: processes
    summary: No statement is close.
    date: 2024-08-01
    statement: leadership
`;

const NAMES_AFTER = NAMES_BEFORE.replace('statement: safegaurding ', 'statement: safeguarding ')
  .replace("'Asessing needs'", "'assessing-needs'")
  .replace('"partnrship and comunities"', '"partnerships-and-communities"');

describe('--fix on misspelt statement names', () => {
  const withNames =
    (test: (dir: string, file: string) => Promise<void>): (() => Promise<void>) =>
    async () => {
      const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'names.yaml': NAMES_BEFORE });
      try {
        await test(repo.dir, join(repo.dir, 'names.yaml'));
      } finally {
        repo.cleanup();
      }
    };

  it(
    '--fix-dry-run shows each clear correction as a diff and writes nothing',
    withNames(async (dir, file) => {
      const run = await runCli(['validate', dir, '--fix-dry-run']);
      const changed = run.stdout.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
      expect(changed).toEqual([
        "-statement: safegaurding   # the document's statement, two letters swapped",
        "+statement: safeguarding   # the document's statement, two letters swapped",
        "-    statement: 'Asessing needs'",
        "+    statement: 'assessing-needs'",
        '-    statements: [assessing-needs, "partnrship and comunities"]',
        '+    statements: [assessing-needs, "partnerships-and-communities"]',
      ]);
      expect(run.stderr).toContain('--fix would correct 3 problems in 1 file');
      expect(readFileSync(file, 'utf8')).toBe(NAMES_BEFORE);
      expect(run.code).toBe(1);
      // Once fixed, the same dry run finds nothing to do, and exits as a plain run does.
      await runCli(['validate', dir, '--fix']);
      const again = await runCli(['validate', dir, '--fix-dry-run']);
      expect(again.stdout).toBe('');
      expect(again.code).toBe((await runCli(['validate', dir])).code);
    }),
  );

  it(
    '--fix corrects only the names with one clear match, keeping comments and quotes',
    withNames(async (dir, file) => {
      const before = await runCli(['validate', dir, '--format', 'json']);
      const fixable = (
        JSON.parse(before.stdout) as { diagnostics: { code: string; message: string }[] }
      ).diagnostics;
      expect(fixable.map((d) => d.code)).toEqual(Array(5).fill('unknown-statement'));
      const run = await runCli(['validate', dir, '--fix']);
      expect(readFileSync(file, 'utf8')).toBe(NAMES_AFTER);
      expect(run.stderr).toContain('fixed 3 problems in 1 file');
      // Three edits away: named as the likely one, but left for a person to decide.
      expect(run.stdout).toMatch(
        /names\.yaml:18:16 error unknown-statement {2}"safegaurdng" is not a local-authority quality statement; did you mean "safeguarding"\?/,
      );
      expect(run.stdout).toMatch(
        /names\.yaml:23:16 error unknown-statement {2}"leadership" is not/,
      );
      expect(run.stdout.match(/unknown-statement/g)).toHaveLength(2);
      expect(run.code).toBe(1);
    }),
  );
});

const DUPLICATES = `statement: safeguarding
evidence:
  - title: A key misspelt beside the key it means
    category: processes
    summary: ok
    sumary: more
    date: 2024-08-01
    judgement: strength
    judgment: strength
  - title: Two misspellings of one missing key
    category: processes
    sumary: one
    summery: two
    date: 2024-08-01
`;

describe('--fix never renames a key onto one the mapping has or will have', () => {
  it('offers no fix, writes nothing, and says which key is already set', async () => {
    const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'a.yaml': DUPLICATES });
    try {
      const file = join(repo.dir, 'a.yaml');
      const dry = await runCli(['validate', repo.dir, '--fix-dry-run']);
      expect(dry.stdout).toBe('');
      expect(dry.stderr).toContain('--fix would correct 0 problems in 0 files');
      const run = await runCli(['validate', repo.dir, '--fix']);
      expect(readFileSync(file, 'utf8')).toBe(DUPLICATES);
      expect(run.stdout).toContain(
        '"sumary" is not a known key; "summary" is already set in this item, so remove one of them',
      );
      expect(run.stdout).toContain(
        '"judgment" is not a known key; "judgement" is already set in this item, so remove one of them',
      );
      expect(run.stdout).toContain(
        '"summery" is not a known key; it and "sumary" both look like "summary", so rename one and remove the other',
      );
      // One diagnostic per mistake: the missing "summary" is their echo.
      expect(run.stdout).not.toContain('schema/required');
      expect(run.stdout).not.toContain('yaml/duplicate-key');
    } finally {
      repo.cleanup();
    }
  });
});

describe('applyFixes', () => {
  it('leaves a key fix that would make a duplicate key, or two that would make the same key', () => {
    const rename = (from: string, to: string) => ({
      doc: 0,
      path: ['evidence', 0, from],
      key: true,
      from,
      to,
    });
    const taken = 'evidence:\n  - summary: a\n    sumary: b\n';
    expect(applyFixes(taken, [rename('sumary', 'summary')]).applied).toEqual([]);
    const twice = 'evidence:\n  - sumary: a\n    summery: b\n';
    const edited = applyFixes(twice, [rename('sumary', 'summary'), rename('summery', 'summary')]);
    expect(edited.text).toBe('evidence:\n  - summary: a\n    summery: b\n');
  });

  const fix = (doc: number) => ({
    doc,
    path: ['evidence', 0, 'judgement'],
    key: false,
    from: 'Strength',
    to: 'strength',
  });
  it.each([
    [
      'leaves a value that has changed since it was checked',
      'evidence:\n  - judgement: Shortfall\n',
      0,
      'evidence:\n  - judgement: Shortfall\n',
    ],
    [
      'edits the right document of several',
      'evidence:\n  - judgement: Strength\n---\nevidence:\n  - judgement: Strength\n',
      1,
      'evidence:\n  - judgement: Strength\n---\nevidence:\n  - judgement: strength\n',
    ],
  ])('%s', (_name, text, doc, expected) => {
    expect(applyFixes(text, [fix(doc)]).text).toBe(expected);
  });
});

describe('unifiedDiff', () => {
  it('groups nearby changes into one hunk and far ones into two', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'LINE 2\n').replace('line 18\n', 'LINE 18\n');
    const diff = unifiedDiff('f.yaml', before, after);
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
  });
});

describe('clearMatch (what --fix may correct)', () => {
  it.each([
    ['Strength', ['strength', 'shortfall'], 'strength'],
    ['Significant shortfall', ['shortfall', 'significant-shortfall'], 'significant-shortfall'],
    ['sumary', ['summary', 'source', 'status'], 'summary'],
    ['plan', ['planned', 'in-progress', 'embedded'], undefined],
    ['cat', ['bat', 'hat'], undefined],
  ])('%s among %j is %s', (input, candidates, expected) => {
    expect(clearMatch(input, candidates)).toBe(expected);
  });

  // Statement names: several spellings (id, title, aliases) stand for one statement.
  const statementOf: Record<string, string> = {
    'wait-times': 'waiting',
    'wait-timed': 'waiting',
    'bait-times': 'fishing',
  };
  it.each([
    ['wait-timex', ['wait-times', 'wait-timed', 'bait-times'], 'wait-times'],
    ['cait-times', ['wait-times', 'bait-times'], undefined],
  ])('%s among the statement names %j is %s', (input, candidates, expected) => {
    expect(clearMatch(input, candidates, (c) => statementOf[c] ?? c)).toBe(expected);
    if (expected !== undefined) expect(clearMatch(input, candidates)).toBeUndefined();
  });
});
