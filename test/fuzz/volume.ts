/**
 * Fuzzing by volume: 100,000 generated evidence files per run (100 folders of
 * 1,000, shared among the four `volume-*.test.ts` files so they run in
 * parallel), each folder run through the CLI in-process in one of the report
 * formats. For every folder: no crash, no fatal error (one bad file never
 * stops the others), an exit status of 0 or 1, JSON and SARIF that parse,
 * no run slower than the hang guard, and byte-identical output when the
 * folder is written again in the opposite order and run again.
 *
 *   CQC_FUZZ_FILES=8000 CQC_FUZZ_SEED=$RANDOM npx vitest run test/fuzz/volume
 *
 * A failing folder is narrowed down to the first file that fails on its own;
 * with CQC_FUZZ_SAVE=1 that file is kept in test/fuzz/corpus/ for the
 * regression test in fuzz.test.ts.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { evidenceFile } from './generators.js';
import { HANG_MS, VALID_CONFIG, runCli } from './harness.js';

const FILES = Number(process.env.CQC_FUZZ_FILES ?? 100_000);
const PER_FOLDER = Math.min(1000, FILES);
const FOLDERS = Math.ceil(FILES / PER_FOLDER);
const SEED = Number(process.env.CQC_FUZZ_SEED ?? 20241205);
const CORPUS = 'test/fuzz/corpus';

/** The arguments each folder is run with, in turn: every report format, with and without --redact. */
const RUNS: readonly string[][] = [
  ['--format', 'json'],
  ['--format', 'sarif', '--redact'],
  ['--format', 'markdown'],
  ['--format', 'junit', '--redact'],
  ['--format', 'json', '--redact'],
  ['--format', 'markdown-full', '--redact'],
  ['--format', 'table'],
  ['--format', 'html'],
  ['--format', 'github', '--redact'],
];

/** Memory-backed /dev/shm where there is one: the folders are written twice each. */
function scratch(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Writes the files as `f0000.yaml`…, in the given order, into a fresh folder. */
function writeFolder(
  dir: string,
  files: readonly (string | Uint8Array)[],
  order: readonly number[],
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, 'cqc-score.yaml'), VALID_CONFIG);
  for (const i of order) writeFileSync(join(dir, `f${String(i).padStart(4, '0')}.yaml`), files[i]!);
}

/** Why one run breaks a promise, or undefined when it keeps them all. */
function broken(
  run: Awaited<ReturnType<typeof runCli>>,
  args: readonly string[],
): string | undefined {
  if (run.ms > HANG_MS) return `the run took ${Math.round(run.ms)} ms`;
  if (/internal error/.test(run.stderr)) return `crash: ${run.stderr.trim().slice(0, 500)}`;
  if (run.code !== 0 && run.code !== 1)
    return `exit ${run.code}: ${run.stderr.trim().slice(0, 500)}`;
  if (args.includes('json') || args.includes('sarif')) {
    try {
      JSON.parse(run.stdout);
    } catch (error) {
      return `the output is not JSON: ${(error as Error).message}`;
    }
  }
  return undefined;
}

interface Checked {
  problem?: string;
  /** Items scored, when the output is a JSON result. */
  items?: number;
}

/** Runs the folder twice, the second time written in the opposite order. */
async function check(
  dir: string,
  files: readonly (string | Uint8Array)[],
  args: readonly string[],
): Promise<Checked> {
  const forward = files.map((_, i) => i);
  writeFolder(dir, files, forward);
  const first = await runCli([dir, ...args]);
  const problem = broken(first, args);
  if (problem) return { problem };
  writeFolder(dir, files, forward.reverse());
  const second = await runCli([dir, ...args]);
  if (second.code !== first.code) return { problem: `exit ${first.code}, then ${second.code}` };
  if (second.stdout !== first.stdout) return { problem: 'the same folder gave different output' };
  if (second.stderr !== first.stderr) return { problem: 'the same folder gave different messages' };
  if (args[1] !== 'json') return {};
  return { items: (JSON.parse(first.stdout) as { items: number }).items };
}

/** The first file that breaks a promise on its own, kept in the corpus with CQC_FUZZ_SAVE=1. */
async function culprit(
  dir: string,
  files: readonly (string | Uint8Array)[],
  args: readonly string[],
): Promise<string> {
  for (const file of files) {
    const { problem } = await check(dir, [file], args);
    if (problem === undefined) continue;
    const hash = createHash('sha256').update(file).digest('hex').slice(0, 10);
    if (process.env.CQC_FUZZ_SAVE === '1') {
      mkdirSync(CORPUS, { recursive: true });
      writeFileSync(join(CORPUS, `found-${hash}.yaml`), file);
    }
    return `file found-${hash}.yaml on its own: ${problem}`;
  }
  return 'no single file fails on its own: it takes several together';
}

/** Runs every `of`-th folder from `shard`: one test file's share of the whole run. */
export function volumeShard(shard: number, of: number): void {
  const mine = Array.from({ length: FOLDERS }, (_, i) => i).filter((i) => i % of === shard);
  const root = mkdtempSync(join(scratch(), 'cqc-score-volume-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`keeps its promises for ${mine.length} folders of ${PER_FOLDER} generated files`, async () => {
    const failures: string[] = [];
    let scored = 0;
    for (const folder of mine) {
      const files = fc.sample(evidenceFile, { seed: SEED + folder, numRuns: PER_FOLDER });
      const args = RUNS[folder % RUNS.length]!;
      const dir = join(root, `folder-${folder}`);
      const { problem, items } = await check(dir, files, args);
      if (problem) {
        const detail = await culprit(join(root, 'alone'), files, args);
        failures.push(
          `folder ${folder} (seed ${SEED + folder}, ${args.join(' ')}): ${problem}; ${detail}`,
        );
        break;
      }
      scored += items ?? 0;
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    // The generated files reach scoring, not only the diagnostics.
    if (mine.some((folder) => RUNS[folder % RUNS.length]![1] === 'json'))
      expect(scored).toBeGreaterThan(0);
  }, 3_600_000);
}
