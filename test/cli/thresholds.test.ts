import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  failsThreshold,
  parseFailUnder,
  parseRating,
  resolveThresholds,
  thresholdFailures,
} from '../../src/cli/thresholds.js';
import { run } from '../../src/run/index.js';

const seed = run('fixtures/seed-learning');
const temp = mkdtempSync(join(tmpdir(), 'cqc-score-thresholds-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv);
  return { code, out: stdout, err: stderr };
}

describe('failsThreshold', () => {
  it.each([
    ['error', 'error', true],
    ['warn', 'error', false],
    ['warn', 'warn', true],
    ['info', 'warn', false],
  ] as const)('%s at --fail-on %s: %s', (severity, threshold, fails) =>
    expect(failsThreshold(severity, threshold)).toBe(fails),
  );
});

describe('parseFailUnder', () => {
  it.each([
    [['3'], { all: 3, statements: {} }],
    [
      ['assessing-needs=3,safeguarding=2'],
      { statements: { 'assessing-needs': 3, safeguarding: 2 } },
    ],
    [['2', 'safeguarding=4'], { all: 2, statements: { safeguarding: 4 } }],
    [['2, Safeguarding = 3'], { all: 2, statements: { Safeguarding: 3 } }],
    // A comma inside a title does not end the entry.
    [
      ['Learning, improvement and innovation=3,safeguarding=2'],
      { statements: { 'Learning, improvement and innovation': 3, safeguarding: 2 } },
    ],
    [
      ['3,Care provision, integration and continuity=2'],
      { all: 3, statements: { 'Care provision, integration and continuity': 2 } },
    ],
  ])('%j', (values, expected) => expect(parseFailUnder(values)).toEqual(expected));

  it.each([['5'], ['0'], ['x'], ['=3'], ['safeguarding='], ['3,Learning, improvement']])(
    'rejects %j',
    (value) => expect(() => parseFailUnder([value])).toThrow(/--fail-under/),
  );
});

describe('resolveThresholds', () => {
  it('resolves titles and aliases to ids', () => {
    expect(
      resolveThresholds({ statements: { 'Learning, improvement and innovation': 3 } }, seed)
        .statements,
    ).toEqual({ 'learning-improvement-and-innovation': 3 });
  });
  it('rejects unknown statements with a suggestion', () => {
    expect(() => resolveThresholds({ statements: { safegarding: 3 } }, seed)).toThrow(
      /did you mean "safeguarding"/,
    );
  });
});

describe('parseRating', () => {
  it.each([
    ['good', 'good'],
    ['Requires improvement', 'requires-improvement'],
    ['OUTSTANDING', 'outstanding'],
  ])('%s', (value, rating) => expect(parseRating(value)).toBe(rating));
  it('rejects others', () => expect(() => parseRating('fine')).toThrow(/--fail-under-rating/));
});

describe('thresholdFailures', () => {
  it.each([
    [{ all: 3 as const, statements: {} }, undefined, 1],
    [{ all: 2 as const, statements: {} }, undefined, 0],
    [{ statements: { safeguarding: 1 as const } }, undefined, 1],
    [undefined, 'good' as const, 1],
    [undefined, 'requires-improvement' as const, 0],
    [undefined, undefined, 0],
  ])('%j and rating %s: %i failures', (thresholds, rating, count) => {
    expect(thresholdFailures(seed, thresholds, rating)).toHaveLength(count);
  });
});

describe('the CLI', () => {
  it.each([
    [[], 0],
    [['--fail-under', '3'], 1],
    [['--fail-under', '2'], 0],
    [['--fail-under', 'learning-improvement-and-innovation=3'], 1],
    [['--fail-under', 'safeguarding=2'], 1],
    [['--fail-under-rating', 'good'], 1],
    [['--fail-under-rating', 'requires-improvement'], 0],
    [['--fail-under', 'nonsense=3'], 2],
    [['--fail-under', '9'], 2],
  ])('%j exits %i', async (args, code) => {
    const result = await cli('fixtures/seed-learning', '--format', 'json', ...args);
    expect(result.code).toBe(code);
    if (code === 1) expect(result.err).toMatch(/^cqc-score: /);
  });

  it('shows changes since a --baseline in JSON', async () => {
    const baseline = JSON.parse((await cli('fixtures/seed-learning', '--format', 'json')).out) as {
      statements: { id: string; score: number | null; findings: unknown[] }[];
    };
    const learning = baseline.statements.find(
      (s) => s.id === 'learning-improvement-and-innovation',
    );
    if (!learning) throw new Error('missing statement');
    learning.score = 3;
    learning.findings = learning.findings.slice(1);
    const file = join(temp, 'baseline.json');
    writeFileSync(file, JSON.stringify(baseline));
    const { code, out } = await cli(
      'fixtures/seed-learning',
      '--format',
      'json',
      '--baseline',
      file,
    );
    expect(code).toBe(0);
    const changes = (
      JSON.parse(out) as {
        changes: { statements: { id: string; direction: string }[]; newFindings: unknown[] };
      }
    ).changes;
    expect(changes.statements).toEqual([
      expect.objectContaining({ id: 'learning-improvement-and-innovation', direction: 'down' }),
    ]);
    expect(changes.newFindings).toHaveLength(1);
  });

  it('rejects a baseline that is not a result', async () => {
    const file = join(temp, 'bad.json');
    writeFileSync(file, '{"schemaVersion": 2}');
    const { code, err } = await cli('fixtures/seed-learning', '--baseline', file);
    expect(code).toBe(2);
    expect(err).toMatch(/not a cqc-score JSON result/);
  });
});
