import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import { json, jsonChunks } from '../../src/report/json.js';

describe('JSON written in pieces', () => {
  it.each(['fixtures/seed-learning', 'fixtures/broken', 'fixtures/provider-example'])(
    '%s: the pieces join to the same text as the whole',
    async (dir) => {
      const result = run(dir);
      expect([...jsonChunks(result)].join('')).toBe(await json(result, { color: false }));
    },
  );
});
