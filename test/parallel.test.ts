// Large repositories are processed on several threads; the result must be the
// same, byte for byte, as on one. The worker script exists only in the build
// (npm test builds first), so this test runs the built pipeline.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as Pipeline from '../src/pipeline.js';
import { batchSize, claimBatch, newBoard } from '../src/parallel.js';
import { evidenceYaml, LA_CONFIG, tempRepo } from './helpers.js';

const BUILT = '../dist/pipeline.js';

async function builtRun(): Promise<typeof Pipeline.run> {
  return ((await import(BUILT)) as typeof Pipeline).run;
}

describe('parallel processing', () => {
  it('is built', () => expect(existsSync('dist/worker.js')).toBe(true));

  it.each([
    'fixtures/broken',
    'fixtures/seed-learning',
    'fixtures/provider-example',
    'fixtures/personal-data',
  ])('%s gives the same result on 1 and 3 threads', async (dir) => {
    const run = await builtRun();
    const one = JSON.stringify(run(dir, { threads: 1 }));
    expect(JSON.stringify(run(dir, { threads: 3 }))).toBe(one);
    // Every batch through a worker, handed over in the wire format.
    expect(JSON.stringify(run(dir, { threads: 3, mainThreadWorks: false }))).toBe(one);
  });

  it('finds repeated ids across the chunks of different threads', async () => {
    const files: Record<string, string> = { 'cqc-score.yaml': LA_CONFIG };
    for (let i = 0; i < 30; i++) {
      const id = i === 29 ? 'item-0' : `item-${i}`;
      files[`f${String(i).padStart(2, '0')}.yaml`] = evidenceYaml(
        i % 2 ? 'safeguarding' : 'assessing-needs',
        `    id: ${id}\n    judgement: ${i % 3 ? 'strength' : 'shortfall'}\n`,
      );
    }
    const repo = tempRepo(files);
    try {
      const run = await builtRun();
      const one = run(repo.dir, { threads: 1 });
      const three = run(repo.dir, { threads: 3, mainThreadWorks: false });
      expect(JSON.stringify(three)).toBe(JSON.stringify(one));
      expect(three.diagnostics.map((d) => d.code)).toEqual(['duplicate-id']);
      expect(three.items).toBe(29);
    } finally {
      repo.cleanup();
    }
  });
});

describe('batches', () => {
  it('are sized to share the work out evenly', () => {
    expect(batchSize(20, 3)).toBe(1);
    expect(batchSize(1000, 2)).toBe(32);
    expect(batchSize(10_000, 2)).toBe(64);
  });

  it('are each claimed exactly once, whoever asks', () => {
    const board = newBoard(10, 2);
    const claimed: number[] = [];
    // The main thread takes batch 3 out of turn (as when it redoes a dead worker's share).
    expect(Atomics.compareExchange(board.claims, 3, 0, -1)).toBe(0);
    for (
      let who = 1, b = claimBatch(board, who);
      b >= 0;
      who = (who % 2) + 1, b = claimBatch(board, who)
    )
      claimed.push(b);
    expect(claimed).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect([...board.claims]).toEqual([1, 2, 1, -1, 2, 1, 2, 1, 2, 1]);
  });
});

describe('a worker that dies', () => {
  it('has its share done on the main thread, with the same result', async () => {
    const run = await builtRun();
    const expected = JSON.stringify(run('fixtures/broken', { threads: 1 }));
    process.env.CQC_SCORE_TEST_WORKER_DIES = '1';
    try {
      expect(
        JSON.stringify(
          run('fixtures/broken', { threads: 3, silenceMs: 300, mainThreadWorks: false }),
        ),
      ).toBe(expected);
    } finally {
      delete process.env.CQC_SCORE_TEST_WORKER_DIES;
    }
  });
});
