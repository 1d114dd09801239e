// The benchmark's lower bound (scripts/bench/lower-bound.js) must do the
// steps it claims, the way the scorer does them, or it bounds nothing: it
// reads every file and splits the same words as the scorer. No timings here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRepo } from '../../scripts/bench/generate.js';
import { discover } from '../../src/load/discover.js';
import { prepareText } from '../../src/score/text.js';
import { runCli } from '../helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Bound {
  files: number;
  words: number;
  threads: number;
  total: number;
}

function bound(dir: string, result: string, threads: number): Bound {
  const out = execFileSync(
    process.execPath,
    ['scripts/bench/lower-bound.js', dir, result, '--threads', String(threads)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim()) as Bound;
}

describe('benchmark lower bound', () => {
  it('reads every file and splits the words the scorer splits, on one thread or two', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqc-score-bound-'));
    dirs.push(dir);
    // 250 files include malformed ones, which it must pass over as the scorer does.
    writeRepo(join(dir, 'repo'), 250);
    const run = await runCli([join(dir, 'repo'), '--format', 'json']);
    const result = join(dir, 'result.json');
    writeFileSync(result, run.stdout);

    let expected = 0;
    let yamlFiles = 0;
    for (const file of discover(join(dir, 'repo')).files) {
      yamlFiles++;
      let docs: unknown[];
      try {
        docs = jsyaml.loadAll(readFileSync(file.path, 'utf8'));
      } catch {
        continue;
      }
      for (const doc of docs) {
        const evidence = (doc as { evidence?: unknown } | null)?.evidence;
        if (!Array.isArray(evidence)) continue;
        for (const item of evidence as { title?: string; summary?: string }[]) {
          expected += prepareText(`${item.title ?? ''}. ${item.summary ?? ''}`).words.length;
        }
      }
    }
    expect(expected).toBeGreaterThan(10_000);

    const one = bound(join(dir, 'repo'), result, 1);
    const two = bound(join(dir, 'repo'), result, 2);
    // discover() leaves out the configuration file, which the bound reads too.
    expect(one.files).toBe(yamlFiles + 1);
    expect(one.words).toBe(expected);
    expect(two.words).toBe(expected);
    expect(two.threads).toBe(2);
    expect(one.total).toBeGreaterThan(0);
  });

  it('refuses a call without a result to write', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/bench/lower-bound.js', '.'], { stdio: 'pipe' }),
    ).toThrow(/usage/);
  });
});
