import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';
import { json, jsonChunks } from '../../src/report/json.js';
import type { ScoreResult } from '../../src/model/index.js';

describe('JSON written in pieces', () => {
  it.each(['fixtures/seed-learning', 'fixtures/broken', 'fixtures/provider-example'])(
    '%s: the pieces join to the same text as the whole',
    async (dir) => {
      const result = run(dir);
      expect([...jsonChunks(result)].join('')).toBe(await json(result, { color: false }));
    },
  );

  it('joins to JSON.stringify for any shape, with long arrays cut into runs', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.array(fc.anything(), { maxLength: 200 }),
        (value, mixed) => {
          const document = {
            value,
            mixed,
            nested: {
              list: Array.from({ length: 150 }, (_, i) => ({
                i,
                value: i % 3 ? value : undefined,
              })),
              empty: [],
            },
            statements: [{ items: Array.from({ length: 70 }, (_, i) => [i, { i }]) }],
          } as unknown as ScoreResult;
          expect([...jsonChunks(document)].join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
        },
      ),
      { numRuns: 200, seed: 20251126 },
    );
  });

  it('never builds one piece for a whole large result', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ ref: { file: 'f.yaml', line: i } }));
    const result = { statements: [{ items }, { items }] } as unknown as ScoreResult;
    const longest = Math.max(...[...jsonChunks(result)].map((piece) => piece.length));
    expect(longest).toBeLessThan(JSON.stringify(items, null, 2).length / 10);
  });
});
