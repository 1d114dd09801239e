/**
 * Shared by the fuzz test and the regression corpus: writes an evidence folder
 * to a temporary directory, runs the CLI in-process twice and checks what must
 * hold for any input at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Writer } from '../../src/cli/io.js';

/** A run slower than this is treated as a hang: a guard, not a speed test (generous, so a busy machine does not trip it). */
export const HANG_MS = 15_000;

export const VALID_CONFIG = 'framework: local-authority\nas-of: 2024-08-30\n';

export interface FuzzCase {
  /** File name → contents. Without a cqc-score.yaml the valid one is used. */
  files: Record<string, string | Uint8Array>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function bufferWriter(): Writer & { text(): string } {
  const chunks: string[] = [];
  return { write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const stdout = bufferWriter();
  const stderr = bufferWriter();
  const started = performance.now();
  const code = await main({ argv, stdout, stderr, env: {} });
  return { code, stdout: stdout.text(), stderr: stderr.text(), ms: performance.now() - started };
}

export function writeCase(fuzzCase: FuzzCase): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqc-score-fuzz-'));
  const files = { 'cqc-score.yaml': VALID_CONFIG, ...fuzzCase.files };
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

/** The first line where two outputs differ, for the failure message. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line === -1 ? left.length : line;
  return `line ${at + 1}: ${JSON.stringify(left[at]?.slice(0, 200))} then ${JSON.stringify(right[at]?.slice(0, 200))}`;
}

/** Why the case breaks a property, or undefined when it holds. */
export async function checkCase(fuzzCase: FuzzCase): Promise<string | undefined> {
  const dir = writeCase(fuzzCase);
  try {
    const argv = [dir, '--format', 'json'];
    const first = await runCli(argv);
    if (first.ms > HANG_MS) return `run took ${Math.round(first.ms)} ms`;
    if (![0, 1, 2].includes(first.code)) return `exit ${first.code}`;
    if (/internal error/.test(first.stderr)) return `crash: ${first.stderr.trim()}`;
    if (first.code !== 2) {
      try {
        JSON.parse(first.stdout);
      } catch (error) {
        return `stdout is not JSON: ${(error as Error).message}`;
      }
    }
    const second = await runCli(argv);
    if (second.ms > HANG_MS) return `second run took ${Math.round(second.ms)} ms`;
    if (second.code !== first.code) return `exit ${first.code} then ${second.code}`;
    if (second.stdout !== first.stdout)
      return `the same input gave different output: ${firstDifference(first.stdout, second.stdout)}`;
    if (second.stderr !== first.stderr) return 'the same input gave different messages';
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
