/**
 * Just enough of a GitHub Actions runner to run the workflow `init` writes as
 * written: `run` steps in bash as the runner runs them, this repository's
 * composite action step by step, and the well-known actions it uses checked
 * for what they need (the checkout is the workspace itself; SARIF and artifact
 * uploads need their files). Any other action fails the run, so the workflow
 * cannot gain a step this does not understand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepRun {
  step: string;
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunnerOptions {
  /** The workspace: the repository the workflow belongs to. */
  workspace: string;
  /** Where this repository (the action) is checked out. */
  actionPath: string;
  /** `owner/name@ref` that names this repository's action. */
  actionRef: string;
  temp: string;
}

type Context = Record<string, string>;

/** `${{ github.action_path }}`, `${{ inputs.path }}` …; an expression it does not know is an error. */
function expand(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    const value = context[name];
    if (value === undefined) throw new Error(`unknown expression \${{ ${name} }}`);
    return value;
  });
}

export class Runner {
  readonly summary: string;
  private readonly pathFile: string;
  private readonly env: Record<string, string>;
  readonly log: StepRun[] = [];

  constructor(private readonly options: RunnerOptions) {
    mkdirSync(options.temp, { recursive: true });
    this.summary = join(options.temp, 'step-summary.md');
    this.pathFile = join(options.temp, 'github-path');
    writeFileSync(this.summary, '');
    writeFileSync(this.pathFile, '');
    this.env = {
      HOME: process.env.HOME ?? options.temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_STEP_SUMMARY: this.summary,
      GITHUB_PATH: this.pathFile,
      RUNNER_TEMP: options.temp,
      // npm's cache is kept where the machine has it; everything else starts clean.
      ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    };
  }

  /** PATH as the runner builds it: entries added through GITHUB_PATH first, then the system's. */
  private path(): string {
    const added = readFileSync(this.pathFile, 'utf8').split('\n').filter(Boolean).reverse();
    return [...added, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  }

  private bash(step: Step, context: Context, cwd: string): StepRun {
    const env: Record<string, string> = { ...this.env, PATH: this.path() };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, context);
    const script = join(this.options.temp, `step-${this.log.length}.sh`);
    writeFileSync(script, expand(step.run ?? '', context));
    // The command line GitHub's runner uses for `shell: bash`.
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
    });
    const result = {
      step: step.name ?? step.run ?? '',
      status: run.status ?? 1,
      stdout: run.stdout,
      stderr: run.stderr,
    };
    this.log.push(result);
    return result;
  }

  private composite(step: Step): number {
    const action = load(
      readFileSync(join(this.options.actionPath, 'action.yml'), 'utf8'),
    ) as Action;
    if (action.runs.using !== 'composite') throw new Error('action.yml is not a composite action');
    const context: Context = { 'github.action_path': this.options.actionPath };
    for (const [name, input] of Object.entries(action.inputs)) {
      const given = step.with?.[name];
      context[`inputs.${name}`] = given === undefined ? (input.default ?? '') : String(given);
    }
    for (const name of Object.keys(step.with ?? {}))
      if (!(name in action.inputs)) throw new Error(`the action has no input "${name}"`);
    for (const inner of action.runs.steps) {
      if (inner.uses || inner.shell !== 'bash')
        throw new Error('a composite step is not a bash step');
      const cwd = inner['working-directory']
        ? resolve(this.options.workspace, expand(inner['working-directory'], context))
        : this.options.workspace;
      const { status } = this.bash(inner, context, cwd);
      if (status !== 0) return status;
    }
    return 0;
  }

  /** Runs one step of a workflow; returns its exit status. */
  step(step: Step): number {
    const uses = step.uses;
    if (uses === undefined)
      return this.bash({ ...step, shell: 'bash' }, {}, this.options.workspace).status;
    if (uses === this.options.actionRef) return this.composite(step);
    if (uses === 'actions/checkout@v4') return existsSync(this.options.workspace) ? 0 : 1;
    if (uses === 'actions/setup-node@v4') {
      const major = Number(process.versions.node.split('.')[0]);
      return major >= Number(step.with?.['node-version']) ? 0 : 1;
    }
    if (uses === 'github/codeql-action/upload-sarif@v3') {
      const file = join(this.options.workspace, String(step.with?.sarif_file));
      const sarif = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
      return sarif.version === '2.1.0' ? 0 : 1;
    }
    if (uses === 'actions/upload-artifact@v4')
      return step.with?.name && existsSync(join(this.options.workspace, String(step.with.path)))
        ? 0
        : 1;
    throw new Error(`the workflow uses ${uses}, which this runner does not know`);
  }

  /**
   * Runs a job's steps in order, as GitHub does: after a failure only steps
   * marked `if: always()` run. Returns the job's status (the first failure's).
   */
  job(steps: readonly Step[]): number {
    let failed = 0;
    for (const step of steps) {
      if (failed !== 0 && step.if !== 'always()') continue;
      const status = this.step(step);
      if (status !== 0 && failed === 0) failed = status;
    }
    return failed;
  }
}
