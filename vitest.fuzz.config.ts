import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Fuzzing by volume: 100,000 generated evidence files, a few minutes of work, so
// `npm run fuzz` (which CI runs) rather than every `npm test`.
export default defineConfig({
  test: {
    include: ['test/fuzz/volume-*.test.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
    // The four shards share nothing: one per core.
    maxWorkers: availableParallelism(),
  },
});
