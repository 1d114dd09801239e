import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // These read the published reports kept beside the clone (../shared): `npm run test:shared`.
    exclude: ['test/shared/**', '**/node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
