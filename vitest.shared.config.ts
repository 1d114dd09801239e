import { defineConfig } from 'vitest/config';

// The checks against published CQC reports, which live beside the clone in ../shared
// and are not part of the repository.
export default defineConfig({
  test: {
    include: ['test/shared/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
