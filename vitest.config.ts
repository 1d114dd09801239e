import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/shared reads the published reports kept beside the clone (`npm run test:shared`);
    // the fuzzing by volume takes minutes (`npm run fuzz`).
    exclude: ['test/shared/**', 'test/fuzz/volume-*.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
