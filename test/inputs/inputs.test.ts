// Paths, globs, standard input and ignores, through real CLI runs on temporary repositories.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceYaml, LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const bad = evidenceYaml('assessing-needs').replace(
  '    date: 2024-07-01\n',
  '    date: 2024-07-01\n    judgment: strength\n',
);
const repo = tempRepo({
  'cqc-score.yaml': `${LA_CONFIG}ignore:\n  - mkdocs.yml\n  - drafts/\n`,
  'la/a.yaml': evidenceYaml('assessing-needs'),
  'la/b.yaml': evidenceYaml('safeguarding'),
  'other/c.yml': evidenceYaml('equity-in-experience-and-outcomes'),
  'mkdocs.yml': 'site_name: not evidence\n',
  'drafts/d.yaml': bad,
  'scratch/e.yaml': bad,
  '.gitignore': 'scratch/\n',
});
afterAll(() => repo.cleanup());
const at = (p: string): string => join(repo.dir, p);

/** `validate`'s summary line: how many files were read, and how many errors. */
async function summary(
  args: string[],
  stdin?: string,
): Promise<{ code: number; files: number; errors: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(['validate', ...args], {}, stdin);
  const m = /(\d+) files?, \d+ items?: (\d+) errors?/.exec(stdout);
  return {
    code,
    files: Number(m?.[1] ?? -1),
    errors: Number(m?.[2] ?? -1),
    out: stdout,
    err: stderr,
  };
}

describe('inputs and ignores', () => {
  it.each([
    ['one folder, with the ignore: of cqc-score.yaml', () => [repo.dir], 4, 1],
    ['two folders', () => [at('la'), at('other')], 3, 0],
    ['a glob and a folder', () => [`${at('la')}/*.yaml`, at('other')], 3, 0],
    ['a glob matching one name', () => [`${at('la')}/a.y?ml`], 1, 0],
    ['a file twice is read once', () => [at('la/a.yaml'), at('la/a.yaml')], 1, 0],
    ['--ignore adds a pattern', () => [repo.dir, '--ignore', 'scratch'], 3, 0],
    [
      '--ignore by name',
      () => [repo.dir, '--ignore', 'b.yaml', '--ignore', '*.draft', '--ignore', 'scratch'],
      2,
      0,
    ],
    ['--gitignore honours .gitignore', () => [repo.dir, '--gitignore'], 3, 0],
  ])('%s', async (_name, args, files, errors) => {
    const result = await summary(args());
    expect({ files: result.files, errors: result.errors }).toEqual({ files, errors });
  });

  it('says so when a file named outright is ignored', async () => {
    const result = await summary([repo.dir, at('mkdocs.yml')]);
    expect(result.out).toMatch(/mkdocs\.yml:1:1 warn file\/ignored/);
    // Also a file in an ignored folder, as it would be when the folder is read.
    const inFolder = await summary([at('la'), at('drafts/d.yaml')]);
    expect(inFolder.out).toMatch(/drafts\/d\.yaml:1:1 warn file\/ignored/);
    expect(inFolder.errors).toBe(0);
  });

  it('reads one document from standard input, named by --stdin-filename', async () => {
    const result = await summary(['-', '--stdin-filename', 'la/survey.yaml'], bad);
    expect(result.out).toMatch(/^la\/survey\.yaml:\d+:\d+ error schema\/unknown-key/m);
    expect(result.files).toBe(1);
    const unnamed = await summary(['-'], bad);
    expect(unnamed.out).toMatch(/^<stdin>:\d+:\d+ error schema\/unknown-key/m);
  });

  it('skips standard input named as an ignored file, with a warning and no error', async () => {
    // drafts/ is ignored by the repository's cqc-score.yaml, found from the name's folder.
    const result = await summary(['-', '--stdin-filename', at('drafts/new.yaml')], bad);
    expect(result.out).toMatch(/drafts\/new\.yaml:1:1 warn file\/ignored/);
    expect(result.out).not.toMatch(/schema\/unknown-key|no-evidence/);
    expect(result.code).toBe(0);
    const byFlag = await summary(
      ['-', '--stdin-filename', 'la/x.draft', '--ignore', '*.draft'],
      bad,
    );
    expect(byFlag.out).toMatch(/la\/x\.draft:1:1 warn file\/ignored/);
    expect(byFlag.code).toBe(0);
  });

  it('finds no evidence: exit 1 unless --allow-empty, also when every file is ignored', async () => {
    const none = await summary([at('drafts'), '--ignore', '*.yaml']);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/error no-evidence {2}no evidence files found under /);
    expect((await summary([at('drafts'), '--ignore', '*.yaml', '--allow-empty'])).code).toBe(0);
    const glob = await runCli([`${at('la')}/*.json`, '--format', 'json']);
    expect(glob.code).toBe(1);
    expect(glob.stdout).toMatch(/"code": "no-evidence"/);
  });

  it('prints the configuration and where each value came from', async () => {
    const { code, stdout } = await runCli([
      'validate',
      repo.dir,
      '--print-config',
      '--as-of',
      '2025-01-01',
      '--ignore',
      'x/**',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^framework: "local-authority" +# .*cqc-score\.yaml$/m);
    expect(stdout).toMatch(/^as-of: "2025-01-01" +# --as-of$/m);
    expect(stdout).toMatch(/^scoring: "direct" +# default$/m);
    expect(stdout).toMatch(/^ignore: \["mkdocs\.yml","drafts\/"\] +# .*cqc-score\.yaml$/m);
    expect(stdout).toMatch(/^ignore \(command line\): \["x\/\*\*"\] +# --ignore$/m);
    expect(stdout).not.toMatch(/files?, \d+ items?/);
  });

  it('prints every command-line setting that decides the result or the exit status', async () => {
    const given = await runCli([
      repo.dir,
      '--print-config',
      '--max-warnings',
      '2',
      '--fail-under',
      '3',
      '--fail-under',
      'safeguarding=2',
      '--fail-under-rating',
      'Good',
      '--allow-empty',
    ]);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/^allow-empty: true +# --allow-empty$/m);
    expect(given.stdout).toMatch(/^max-warnings: 2 +# --max-warnings$/m);
    expect(given.stdout).toMatch(/^fail-under: \["3","safeguarding=2"\] +# --fail-under$/m);
    expect(given.stdout).toMatch(/^fail-under-rating: "good" +# --fail-under-rating$/m);
    const unset = await runCli([repo.dir, '--print-config']);
    expect(unset.stdout).toMatch(/^rubrics: \[\] +# default$/m);
    expect(unset.stdout).toMatch(/^max-warnings: null +# default$/m);
    expect(unset.stdout).toMatch(/^fail-under: \[\] +# default$/m);
    expect(unset.stdout).toMatch(/^fail-under-rating: null +# default$/m);
    // validate has no score thresholds, so none are listed; a bad value is refused as a run refuses it.
    const validate = await runCli(['validate', repo.dir, '--print-config']);
    expect(validate.stdout).toMatch(/^max-warnings: null +# default$/m);
    expect(validate.stdout).not.toMatch(/^fail-under/m);
    const bad = await runCli([repo.dir, '--print-config', '--fail-under', '5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-under needs a score from 1 to 4');
  });
});
