// One table of CLI scenarios, run in-process through main() and again by
// spawning the built bin, so both paths are held to the same behaviour.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import type { CliRun } from '../helpers.js';

interface Scenario {
  name: string;
  args: string[];
  code: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  env?: Record<string, string>;
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const VERSION_LINE = new RegExp(`^${version.replaceAll('.', '\\.')}\n$`);

const SCENARIOS: Scenario[] = [
  { name: 'version', args: ['--version'], code: 0, stdout: [VERSION_LINE] },
  { name: 'version, short', args: ['-V'], code: 0, stdout: [VERSION_LINE] },
  {
    name: 'version beside another option',
    args: ['--version', '--no-color'],
    code: 0,
    stdout: [VERSION_LINE],
  },
  {
    name: 'help lists commands and examples',
    args: ['--help'],
    code: 0,
    stdout: [/validate/, /explain/, /Examples:/, /Exit status/],
  },
  {
    name: 'score the seed example',
    args: ['fixtures/seed-learning', '--no-color'],
    code: 0,
    stdout: [/Learning, improvement and/, /some shortfalls/, /suggestions/],
  },
  {
    name: 'json output',
    args: ['fixtures/seed-learning', '--format', 'json'],
    code: 0,
    stdout: [/"schemaVersion": 1/, /"id": "learning-improvement-and-innovation"/],
  },
  {
    name: 'validate a clean repository',
    args: ['validate', 'fixtures/seed-learning'],
    code: 0,
    stdout: [/3 files, 13 items: 0 errors, 0 warnings/],
  },
  {
    name: 'validate a broken repository',
    args: ['validate', 'fixtures/broken'],
    code: 1,
    stdout: [
      /fixtures\/broken\/unknown-key\.yaml:7:5 error schema\/unknown-key {2}"judgment" is not a known key; did you mean "judgement"\?/,
      /fixtures\/broken\/statements\.yaml:6:16 error unknown-statement .*did you mean "safeguarding"\?/,
      /errors, 8 warnings/,
    ],
  },
  {
    name: 'validate as json',
    args: ['validate', 'fixtures/broken', '--format', 'json'],
    code: 1,
    stdout: [/"code": "yaml\/alias-limit"/],
  },
  {
    name: 'warnings pass by default',
    args: ['validate', 'fixtures/broken/../seed-learning', '--fail-on', 'warn'],
    code: 0,
  },
  {
    name: 'warnings fail with --fail-on warn',
    args: ['fixtures/broken', '--format', 'json', '--fail-on', 'warn'],
    code: 1,
  },
  {
    name: 'a path that does not exist',
    args: ['no/such/folder'],
    code: 2,
    stderr: [/no\/such\/folder: no such file or folder/],
  },
  {
    name: 'a mistyped command gets a suggestion, not "no such folder"',
    args: ['valdiate', 'fixtures/seed-learning'],
    code: 2,
    stderr: [/"valdiate" is not a command or a path; did you mean validate\?/],
  },
  {
    name: 'a single file',
    args: ['validate', 'fixtures/broken/unknown-key.yaml'],
    code: 1,
    stdout: [/unknown-key\.yaml:7:5 error schema\/unknown-key/, /^1 file, /m],
  },
  {
    name: 'a glob and a file together',
    args: ['validate', 'fixtures/seed-learning/*.yaml', 'fixtures/broken/unknown-key.yaml'],
    code: 1,
    stdout: [/^4 files, 13 items: 1 error, 0 warnings$/m],
  },
  {
    name: 'a folder with no evidence files',
    args: ['validate', 'docs'],
    code: 1,
    stdout: [/docs:1:1 error no-evidence {2}no evidence files found under docs/],
  },
  {
    name: 'a folder with no evidence files, allowed',
    args: ['validate', 'docs', '--allow-empty'],
    code: 0,
    stdout: [/^0 files, 0 items: 0 errors, 0 warnings$/m],
  },
  { name: 'an unknown option', args: ['--frobnicate'], code: 2, stderr: [/unknown option/] },
  {
    name: 'an unknown format',
    args: ['fixtures/seed-learning', '--format', 'pdf'],
    code: 2,
    stderr: [/unknown format "pdf"/],
  },
  {
    name: 'a bad framework',
    args: ['fixtures/seed-learning', '--framework', 'hospital'],
    code: 2,
    stderr: [/Allowed choices are provider, local-authority/],
  },
  {
    name: 'a bad as-of date',
    args: ['fixtures/seed-learning', '--as-of', '2024-13-01'],
    code: 2,
    stderr: [/--as-of must be a real date/],
  },
  {
    name: 'a missing config file',
    args: ['fixtures/seed-learning', '--config', 'nope.yaml'],
    code: 2,
    stderr: [/configuration file nope\.yaml does not exist/],
  },
  {
    name: 'explain a statement',
    args: ['explain', 'Learning, improvement and innovation', 'fixtures/seed-learning'],
    code: 0,
    stdout: [/ongoing-learning \[strength\] fired/, /workforce-learning\.yaml:52/],
  },
  {
    name: 'explain an unknown statement',
    args: ['explain', 'safegaurding', 'fixtures/seed-learning'],
    code: 2,
    stderr: [/did you mean "safeguarding"/],
  },
  {
    name: 'list the rubrics',
    args: ['rubrics'],
    code: 0,
    stdout: [/local-authority\): 9 statements/, /provider\): 34 statements/],
  },
  {
    name: 'show one rubric',
    args: ['rubrics', 'safe-effective-staffing'],
    code: 0,
    stdout: [/Safe and effective staffing/],
  },
  {
    name: 'print the evidence schema',
    args: ['schema'],
    code: 0,
    stdout: [/"\$schema": "http:\/\/json-schema.org\/draft-07\/schema#"/, /"judgement"/],
  },
  {
    name: 'the framework flag overrides the file',
    args: ['fixtures/seed-learning', '--framework', 'provider', '--format', 'json'],
    code: 0,
    stdout: [/"framework": "provider"/, /"id": "safe-and-effective-staffing"/],
  },
];

function check(result: CliRun, scenario: Scenario): void {
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: scenario.code });
  for (const pattern of scenario.stdout ?? []) expect(result.stdout).toMatch(pattern);
  for (const pattern of scenario.stderr ?? []) expect(result.stderr).toMatch(pattern);
}

describe('CLI in-process', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    check(await runCli(scenario.args, scenario.env ?? {}), scenario);
  });
});

describe('CLI as a process', () => {
  const bin = 'bin/cqc-score.js';
  it('has a built bin (npm test builds first)', () => {
    expect(existsSync('dist/cqc-score.js')).toBe(true);
  });
  it('stops quietly when its reader goes away, still exiting with what the run found', async () => {
    const child = spawn(process.execPath, [bin, 'fixtures/broken', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the reading end at once, as `| head` does once it has enough.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
  it.each(SCENARIOS)('$name', (scenario) => {
    const child = spawnSync(process.execPath, [bin, ...scenario.args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...scenario.env },
    });
    check({ code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr }, scenario);
  });
});
