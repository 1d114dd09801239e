/**
 * Fuzzing: random and mutated evidence folders must never crash the CLI,
 * never hang, always exit 0, 1 or 2, always print JSON that parses, and give
 * the same output for the same input.
 *
 * The seed is fixed so CI is repeatable. For a longer hunt locally:
 *   CQC_FUZZ_RUNS=5000 CQC_FUZZ_SEED=$RANDOM CQC_FUZZ_SAVE=1 npx vitest run test/fuzz
 * CQC_FUZZ_SAVE=1 writes the smallest failing case to test/fuzz/corpus/;
 * rename it after what it shows and the regression test replays it from then on.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvidenceFile } from '../../src/load/parse.js';
import { checkCase, HANG_MS, runCli } from './harness.js';
import type { FuzzCase } from './harness.js';
import { evidenceFolder, evidenceOnlyFolder } from './generators.js';

const CORPUS = 'test/fuzz/corpus';
const RUNS = Number(process.env.CQC_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.CQC_FUZZ_SEED ?? 20240830);
/** CQC_FUZZ_CONFIG=valid keeps cqc-score.yaml valid, to hunt past a known configuration crash. */
const ARBITRARY = process.env.CQC_FUZZ_CONFIG === 'valid' ? evidenceOnlyFolder : evidenceFolder;

/** Keeps a failing case: evidence files as `found-<hash>.yaml`, a configuration as `found-<hash>.config.yaml`. */
function save(fuzzCase: FuzzCase, problem: string): void {
  if (process.env.CQC_FUZZ_SAVE !== '1') return;
  mkdirSync(CORPUS, { recursive: true });
  for (const [name, contents] of Object.entries(fuzzCase.files)) {
    const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
    const config = name === 'cqc-score.yaml';
    writeFileSync(join(CORPUS, `found-${hash}${config ? '.config' : ''}.yaml`), contents);
  }
  console.error(`saved a failing case (${problem}) to ${CORPUS}`);
}

/** A corpus file as a case: `*.config.yaml` replays as cqc-score.yaml beside a valid evidence file. */
function corpusCase(name: string): FuzzCase {
  const contents = readFileSync(join(CORPUS, name));
  if (name.endsWith('.config.yaml')) {
    return {
      files: {
        'cqc-score.yaml': contents,
        'evidence.yaml': readFileSync('fixtures/seed-learning/workforce-learning.yaml'),
      },
    };
  }
  return { files: { 'evidence.yaml': contents } };
}

/**
 * Corpus files whose crash is reported but not yet fixed in code this test
 * does not own. They are expected to fail; when a fix lands the test fails
 * until the name is taken off this list.
 */
const OPEN_CRASHES = new Set<string>([]);

describe('fuzzing the CLI', () => {
  it(`holds its promises for ${RUNS} random evidence folders`, async () => {
    // While shrinking, each failure is smaller than the one before: the last one is the one to keep.
    let smallest: { fuzzCase: FuzzCase; problem: string } | undefined;
    try {
      await fc.assert(
        fc.asyncProperty(ARBITRARY, async (fuzzCase) => {
          const problem = await checkCase(fuzzCase);
          if (problem !== undefined) smallest = { fuzzCase, problem };
          expect(problem).toBeUndefined();
        }),
        { seed: SEED, numRuns: RUNS },
      );
    } catch (error) {
      if (smallest) save(smallest.fuzzCase, smallest.problem);
      throw error;
    }
  }, 600_000);
});

// Every input that ever broke the CLI, and a few known hostile shapes, replayed as one evidence file each.
describe('regression corpus', () => {
  const files = readdirSync(CORPUS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();

  it('is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.filter((name) => !OPEN_CRASHES.has(name)))('%s', async (name) => {
    expect(await checkCase(corpusCase(name))).toBeUndefined();
  });

  it.fails.each([...OPEN_CRASHES])('%s (open: reported, not yet fixed)', async (name) => {
    expect(await checkCase(corpusCase(name))).toBeUndefined();
  });
});

describe('hostile inputs', () => {
  it.each([
    ['a file just over the size limit', { 'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n` }],
    ['many small documents', { 'docs.yaml': '---\nevidence: []\n'.repeat(20_000) }],
    ['a long flat list', { 'list.yaml': `evidence:\n${'  - x\n'.repeat(50_000)}` }],
    ['a long single line', { 'line.yaml': `evidence: [${'1, '.repeat(20_000)}1]\n` }],
    ['no evidence files at all', {}],
  ])('%s', async (_name, files) => {
    expect(await checkCase({ files })).toBeUndefined();
  });

  it('a missing folder is a usage error, not a crash', async () => {
    const run = await runCli(['/nonexistent/cqc-score-fuzz', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.ms).toBeLessThan(HANG_MS);
  });
});

/** Calls `fn` with `frames` extra frames on the stack, as a deep caller (or a cold JIT) would. */
function atStackDepth<T>(frames: number, fn: () => T): T {
  return frames === 0 ? fn() : atStackDepth(frames - 1, fn);
}

// Findings once open, now fixed: deep block nesting is measured before parsing.
describe('fixed findings', () => {
  it.each([600, 1200])(
    'deep block nesting (%i levels) gives the same diagnostics however deep the caller stack is',
    (levels) => {
      // parse.ts once decided deep block nesting by catching the parser's stack overflow, so the
      // message depended on the stack; the fuzzer saw one input give two outputs in one process
      // (corpus/deep-block-in-title.yaml).
      const text = Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
      const bytes = new TextEncoder().encode(text);
      const messages = [0, 4000, 8000].map((frames) =>
        atStackDepth(frames, () => parseEvidenceFile('deep.yaml', bytes)).diagnostics.map(
          (d) => d.message,
        ),
      );
      expect(messages[1]).toEqual(messages[0]);
      expect(messages[2]).toEqual(messages[0]);
    },
  );
});
