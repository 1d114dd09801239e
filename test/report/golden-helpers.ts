/** Shared by the report tests: the bundled examples, rendered in every format, compared with test/golden/. */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { FoundFile } from '../../src/run/1-discover.js';
import type { ScoreResult } from '../../src/model/index.js';
import { run } from '../../src/run/index.js';
import { FORMATTERS } from '../../src/report/index.js';
import type { FormatName } from '../../src/report/index.js';
import type { ThresholdFormatOptions } from '../../src/report/threshold.js';

export const GOLDEN = 'test/golden';
export const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The bundled examples, by name: paths relative to the repository root (tests run from there). */
export const EXAMPLES = {
  'seed-learning': 'fixtures/seed-learning',
  'provider-example': 'fixtures/provider-example',
  hostile: 'test/golden/fixtures/hostile',
} as const;
export type ExampleName = keyof typeof EXAMPLES;

// The hostile example turns the personal-data check off, which a configuration file is trusted to do
// only when others cannot write it: a checkout made under umask 002 must not change the golden output.
const hostileConfig = `${EXAMPLES.hostile}/cqc-score.yaml`;
chmodSync(hostileConfig, statSync(hostileConfig).mode & ~0o022);

export const EXTENSIONS: Record<FormatName, string> = {
  table: 'table.txt',
  markdown: 'md',
  'markdown-full': 'full.md',
  html: 'html',
  json: 'json',
  sarif: 'sarif',
  junit: 'junit.xml',
  github: 'github.txt',
};

export function score(
  name: ExampleName,
  reorder?: (files: FoundFile[]) => FoundFile[],
): ScoreResult {
  return run(EXAMPLES[name], reorder ? { reorder } : {});
}

export async function render(
  result: ScoreResult,
  format: FormatName,
  options: Partial<ThresholdFormatOptions> = {},
): Promise<string> {
  const formatter = await FORMATTERS[format]();
  return formatter(result, { color: false, ...options });
}

/** Compares with the golden file, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(path: string, actual: string): void {
  const file = join(GOLDEN, path);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE)
      throw new Error(`no golden file ${file}; run UPDATE_GOLDEN=1 npx vitest run test/report`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A baseline for the provider example: one score lower, one finding gone, one finding that has since been resolved. */
export function providerBaseline(): ScoreResult {
  const current = score('provider-example');
  const baseline = JSON.parse(JSON.stringify(current)) as ScoreResult;
  baseline.asOf = '2024-09-30';
  baseline.overall = { ...baseline.overall, rating: 'requires-improvement' };
  const safeguarding = baseline.statements.find((s) => s.id === 'safeguarding');
  const learning = baseline.statements.find((s) => s.id === 'learning-culture');
  if (!safeguarding || !learning) throw new Error('provider example lacks its statements');
  safeguarding.score = 1;
  learning.findings = learning.findings.slice(1);
  learning.findings.push({
    rule: 'learning-culture/old-finding',
    text: 'Incidents were not reviewed',
    effect: 'shortfall',
    indicator: 'Old',
    evidence: [],
  });
  return baseline;
}
