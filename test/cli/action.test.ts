// The workflow `cqc-score init` writes, run as written: this repository's action
// installs cqc-score from its checkout (the repository under test) and runs it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { actionRef } from '../../src/cli/init.js';
import { runCli } from '../helpers.js';
import { Runner } from './actions-runner.js';
import type { Step } from './actions-runner.js';

const temp = mkdtempSync(join(tmpdir(), 'cqc-score-action-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Workflow {
  on: Record<string, unknown>;
  jobs: { score: { 'runs-on': string; steps: Step[] } };
}

/** A repository made by `init`, with the first statement's example filled in. */
async function evidenceRepository(name: string): Promise<{ dir: string; steps: Step[] }> {
  const dir = join(temp, name);
  const { code } = await runCli(['init', dir, '--framework', 'provider', '--as-of', '2025-01-31']);
  expect(code).toBe(0);
  const file = join(dir, 'evidence', 'safe', 'learning-culture.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(text.indexOf('# statement:')).replace(/^# ?/gm, ''));
  const workflow = load(
    readFileSync(join(dir, '.github', 'workflows', 'cqc-score.yml'), 'utf8'),
  ) as Workflow;
  expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
  return { dir, steps: workflow.jobs.score.steps };
}

function runner(dir: string): Runner {
  return new Runner({
    workspace: dir,
    actionPath: resolve('.'),
    actionRef: actionRef(),
    temp: join(dir, '..', `${dir.split('/').pop()}-runner`),
  });
}

describe('the workflow init writes', () => {
  it('uses this repository as its action, by the version released', () => {
    expect(actionRef()).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
    expect(readFileSync('README.md', 'utf8')).toContain(`uses: ${actionRef()}\n`);
  });

  it('runs as written: installs from the checkout, scores, writes SARIF and the summary', async () => {
    const { dir, steps } = await evidenceRepository('passing');
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      actionRef(),
      'github/codeql-action/upload-sarif@v3',
      'actions/upload-artifact@v4',
    ]);
    const job = runner(dir);
    const status = job.job(steps);
    expect(status, JSON.stringify(job.log, null, 2)).toBe(0);
    const [install, score] = job.log;
    expect(install?.status).toBe(0);
    expect(score?.stdout).toMatch(
      /^::(?:warning|notice) file=evidence\/safe\/learning-culture\.yaml,line=\d+/m,
    );
    const sarif = JSON.parse(readFileSync(join(dir, 'cqc-score.sarif'), 'utf8')) as {
      runs: { tool: { driver: { name: string } } }[];
    };
    expect(sarif.runs[0]?.tool.driver.name).toBe('cqc-score');
    const summary = readFileSync(job.summary, 'utf8');
    expect(summary).toContain('Learning culture');
    expect(summary).toBe(readFileSync(join(dir, 'cqc-score.md'), 'utf8'));
  });

  it('fails the job on a failed threshold, still writing the summary and uploading SARIF', async () => {
    const { dir, steps } = await evidenceRepository('failing');
    const scoring = steps.find((s) => s.uses === actionRef());
    if (!scoring) throw new Error('no action step');
    scoring.with = { ...scoring.with, args: '--fail-under 4 --fail-on warn' };
    const job = runner(dir);
    expect(job.job(steps)).toBe(1);
    expect(job.log[1]?.stderr).toMatch(/cqc-score: learning-culture scores [1-3], below 4/);
    expect(readFileSync(job.summary, 'utf8')).toContain('Learning culture');
    expect(readFileSync(join(dir, 'cqc-score.sarif'), 'utf8')).toContain('"2.1.0"');
  });

  it('refuses an input the action does not have', async () => {
    const { dir, steps } = await evidenceRepository('unknown-input');
    const scoring = steps.find((s) => s.uses === actionRef());
    if (!scoring) throw new Error('no action step');
    scoring.with = { ...scoring.with, folder: 'evidence' };
    expect(() => runner(dir).job(steps)).toThrow(/no input "folder"/);
  });
});
