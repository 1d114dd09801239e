import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with buffer writers. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  stdin?: string,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    ...(stdin !== undefined ? { readStdin: async () => Buffer.from(stdin) } : {}),
  });
  return { code, stdout, stderr };
}

/** A temporary folder holding the given files; removed by the returned cleanup. */
export function tempRepo(files: Record<string, string | Buffer>): {
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'cqc-score-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const LA_CONFIG = 'framework: local-authority\nas-of: 2024-08-30\n';

/** A minimal valid evidence document for one statement. */
export function evidenceYaml(statement = 'assessing-needs', extra = ''): string {
  return `statement: ${statement}\nevidence:\n  - title: Assessments completed on time\n    category: processes\n    summary: Assessments were completed within four weeks.\n    date: 2024-07-01\n${extra}`;
}
