/** Golden files for every format on every bundled example; regenerate with UPDATE_GOLDEN=1 npx vitest run test/report. */
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { withBaseline } from '../../src/report/baseline.js';
import type { FoundFile } from '../../src/run/1-discover.js';
import {
  EXAMPLES,
  EXTENSIONS,
  expectGolden,
  providerBaseline,
  render,
  score,
} from './golden-helpers.js';
import type { ExampleName } from './golden-helpers.js';

const names = Object.keys(EXAMPLES) as ExampleName[];
const cases = names.flatMap((name) => FORMAT_NAMES.map((format) => ({ name, format })));

/** A seeded shuffle, so the reordering differs from disk order but is the same on every run. */
function shuffle(files: FoundFile[]): FoundFile[] {
  let seed = 7;
  const out = [...files];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as FoundFile, out[i] as FoundFile];
  }
  return out;
}

describe('golden files', () => {
  it.each(cases)('$name as $format', async ({ name, format }) => {
    expectGolden(`${name}/report.${EXTENSIONS[format]}`, await render(score(name), format));
  });

  it.each(FORMAT_NAMES)('provider example against a baseline, as %s', async (format) => {
    const result = withBaseline(score('provider-example'), providerBaseline());
    expectGolden(`provider-example/baseline.${EXTENSIONS[format]}`, await render(result, format));
  });

  it('junit with per-statement thresholds', async () => {
    const text = await render(score('provider-example'), 'junit', {
      gate: {
        failOn: 'error',
        thresholds: { all: 2, statements: { safeguarding: 3, 'safe-environments': 3 } },
      },
    });
    expectGolden('provider-example/thresholds.junit.xml', text);
  });
});

describe('determinism', () => {
  it.each(cases)(
    '$name as $format is byte-identical across runs and file orders',
    async ({ name, format }) => {
      const first = await render(score(name), format);
      expect(await render(score(name), format)).toBe(first);
      expect(
        await render(
          score(name, (files) => [...files].reverse()),
          format,
        ),
      ).toBe(first);
      expect(await render(score(name, shuffle), format)).toBe(first);
    },
  );
});
