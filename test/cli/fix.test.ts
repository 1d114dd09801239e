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
      expect(run.code).toBe(0);
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

describe('applyFixes', () => {
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
});
