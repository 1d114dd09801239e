// The exit status, JUnit failures and SARIF levels agree: the same gate
// (--fail-on, --fail-under, --fail-under-rating, --max-warnings) decides all
// three. Also --quiet, --max-warnings and -o picking the format from the extension.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'cqc-score-signals-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Signals {
  code: number;
  sarifErrors: number;
  junitFailures: number;
}

async function signals(args: string[]): Promise<Signals> {
  const sarif = join(temp, 'r.sarif');
  const junit = join(temp, 'r.xml');
  const { code } = await runCli([...args, '-o', sarif, '-o', junit]);
  const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
    runs: { results: { level: string }[] }[];
  };
  const xml = readFileSync(junit, 'utf8');
  return {
    code,
    sarifErrors: log.runs[0]!.results.filter((r) => r.level === 'error').length,
    junitFailures: Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]),
  };
}

describe('exit status, JUnit and SARIF agree', () => {
  it.each([
    [['fixtures/seed-learning'], 0],
    [['fixtures/seed-learning', '--fail-under', '3'], 1],
    [['fixtures/seed-learning', '--fail-under', '2'], 0],
    [['fixtures/seed-learning', '--fail-under', 'safeguarding=2'], 1],
    [['fixtures/seed-learning', '--fail-under-rating', 'good'], 1],
    [['fixtures/seed-learning', '--fail-under-rating', 'requires-improvement'], 0],
    [['fixtures/broken'], 1],
    [['fixtures/broken', '--fail-on', 'warn'], 1],
    [['fixtures/personal-data', '--privacy', 'warn'], 0],
    [['fixtures/personal-data', '--privacy', 'warn', '--fail-on', 'warn'], 1],
    [['fixtures/personal-data', '--privacy', 'warn', '--max-warnings', '0'], 1],
    [['fixtures/personal-data', '--privacy', 'warn', '--max-warnings', '1000'], 0],
    [['fixtures/provider-example', '--quiet'], 0],
  ])('%j exits %i', async (args, code) => {
    const got = await signals(args);
    expect(got.code).toBe(code);
    expect(got.sarifErrors > 0).toBe(code === 1);
    expect(got.junitFailures > 0).toBe(code === 1);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet shows errors only, but the counts still cover warnings', async () => {
    const loud = await runCli(['validate', 'fixtures/broken']);
    const quiet = await runCli(['validate', 'fixtures/broken', '--quiet']);
    expect(loud.stdout).toMatch(/ warn /);
    expect(quiet.stdout).not.toMatch(/ warn /);
    expect(quiet.stdout).toMatch(/ error /);
    expect(quiet.stdout).toMatch(/\d+ warnings \(warnings hidden by --quiet\)/);
    expect(quiet.code).toBe(loud.code);
  });

  it.each([
    ['0', 1],
    ['6', 1],
    ['7', 0],
    ['100', 0],
  ])('--max-warnings %s on seven warnings exits %i', async (n, code) => {
    const result = await runCli([
      'validate',
      'fixtures/personal-data',
      '--privacy',
      'warn',
      '--max-warnings',
      n,
    ]);
    expect(result.stdout).toMatch(/0 errors, 7 warnings/);
    expect(result.code).toBe(code);
    if (code === 1) expect(result.stderr).toMatch(/7 warnings, more than --max-warnings/);
    else expect(result.stderr).toBe('');
  });

  it('refuses a --max-warnings that is not a count', async () => {
    const result = await runCli(['validate', 'fixtures/broken', '--max-warnings', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max-warnings must be a whole number/);
  });
});

describe('-o without --format', () => {
  it.each([
    ['report.md', /^# /m],
    ['report.json', /"schemaVersion": 1/],
    ['report.sarif', /"version": "2\.1\.0"/],
    ['report.sarif.json', /"version": "2\.1\.0"/],
    ['report.xml', /^<\?xml/],
  ])('%s', async (name, pattern) => {
    const out = join(temp, name);
    const { code, stdout } = await runCli(['fixtures/seed-learning', '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(pattern);
  });

  it('pairs --format with the first --output, then takes extensions', async () => {
    const first = join(temp, 'first.txt');
    const second = join(temp, 'second.xml');
    await runCli(['fixtures/seed-learning', '--format', 'json', '-o', first, '-o', second]);
    expect(readFileSync(first, 'utf8')).toMatch(/"schemaVersion"/);
    expect(readFileSync(second, 'utf8')).toMatch(/<testsuites/);
  });

  it('refuses an extension it cannot place', async () => {
    const out = join(temp, 'report.pdf');
    const { code, stderr } = await runCli(['fixtures/seed-learning', '-o', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot tell the format of .*report\.pdf from its extension/);
    expect(existsSync(out)).toBe(false);
  });
});
