// Large repositories are processed on several threads; the result must be the
// same, byte for byte, as on one. The worker script exists only in the build
// (npm test builds first), so this test runs the built pipeline.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as Pipeline from '../src/pipeline.js';
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
    expect(JSON.stringify(run(dir, { threads: 3 }))).toBe(JSON.stringify(run(dir, { threads: 1 })));
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
      const three = run(repo.dir, { threads: 3 });
      expect(JSON.stringify(three)).toBe(JSON.stringify(one));
      expect(three.diagnostics.map((d) => d.code)).toEqual(['duplicate-id']);
      expect(three.items).toBe(29);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a worker that dies', () => {
  it('has its share done on the main thread, with the same result', async () => {
    const run = await builtRun();
    const expected = JSON.stringify(run('fixtures/broken', { threads: 1 }));
    process.env.CQC_SCORE_TEST_WORKER_DIES = '1';
    try {
      expect(JSON.stringify(run('fixtures/broken', { threads: 3, silenceMs: 300 }))).toBe(expected);
    } finally {
      delete process.env.CQC_SCORE_TEST_WORKER_DIES;
    }
  });
});
