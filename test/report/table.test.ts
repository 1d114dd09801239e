/** The terminal table: fitting the width, scored statements first, statements without evidence folded, colour by severity. */
import { afterAll, describe, expect, it } from 'vitest';
import { table } from '../../src/report/table.js';
import { layoutFor, visibleLength, wrap } from '../../src/report/table-layout.js';
import { withBaseline } from '../../src/report/baseline.js';
import { run } from '../../src/run/index.js';
import { LA_CONFIG, evidenceYaml, tempRepo } from '../helpers.js';
import { providerBaseline, score } from './golden-helpers.js';

const repo = tempRepo({
  'cqc-score.yaml': LA_CONFIG,
  // Listed first in its theme, but only stale evidence: a row after the scored statement.
  'needs.yaml': evidenceYaml('assessing-needs').replace('2024-07-01', '2019-01-01'),
  'healthier.yaml': evidenceYaml(
    'supporting-people-to-live-healthier-lives',
    '    judgement: strength\n',
  ),
  // Its only item has an error: a row saying so, never folded as "no evidence".
  'safeguarding.yaml': evidenceYaml('safeguarding', '    judgment: strength\n'),
});
afterAll(repo.cleanup);

/** The table itself: everything before the first blank line. */
function grid(text: string): string[] {
  return text.slice(0, text.indexOf('\n\n')).split('\n');
}

const results = {
  provider: () => score('provider-example'),
  seed: () => score('seed-learning'),
  hostile: () => score('hostile'),
  baseline: () => withBaseline(score('provider-example'), providerBaseline()),
  mixed: () => run(repo.dir),
};
const cases = Object.keys(results).flatMap((name) =>
  [50, 60, 80, 99, 100, 120, 140, 200].map((width) => ({
    name: name as keyof typeof results,
    width,
  })),
);

describe('table width', () => {
  it.each(cases)('$name fits $width columns', async ({ name, width }) => {
    const text = await table(results[name](), { color: false, width });
    for (const line of grid(text)) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    // Prose below the table wraps too; diagnostics stay one line each, and a single long word (a path) is not broken.
    const prose = text.slice(text.indexOf('\n\n')).split('\n');
    const problems = prose.indexOf(prose.find((l) => l.startsWith('Problems')) ?? '');
    prose.forEach((line, i) => {
      if (problems >= 0 && i > problems && line.startsWith('  ') && !line.startsWith('    '))
        return;
      if (visibleLength(line) > width) expect(line.trim()).not.toContain(' ');
    });
  });

  it.each([
    [200, ['Statement', 'Score', 'Label', '%', 'Confidence', 'Strengths', 'Shortfalls', 'Gaps']],
    [140, ['Statement', 'Score', 'Label', '%', 'Confidence', 'Strengths', 'Shortfalls', 'Gaps']],
    [125, ['Statement', 'Score', 'Label', '%', 'Confidence', 'Strengths', 'Shortfalls', 'Gaps']],
    [100, ['Statement', 'Score', '%', 'Confidence', 'Strengths', 'Shortfalls', 'Gaps']],
    [99, ['Statement', 'Score', '%', 'Confidence', 'Gaps']],
    [80, ['Statement', 'Score', '%', 'Confidence', 'Gaps']],
    [60, ['Statement', 'Score', '%']],
  ])('at %i columns shows %j', async (width, heads) => {
    expect(layoutFor(width, false).columns.map((c) => c.head)).toEqual(heads);
    const header = grid(await table(score('provider-example'), { color: false, width }))[1] ?? '';
    expect(
      header
        .split('│')
        .map((c) => c.trim())
        .filter(Boolean),
    ).toEqual(heads);
  });

  it('keeps the change column when there is a baseline', () => {
    expect(layoutFor(60, true).columns.map((c) => c.id)).toEqual([
      'statement',
      'score',
      'percent',
      'change',
    ]);
  });

  it('is the default width when none is given', async () => {
    const result = score('seed-learning');
    expect(await table(result, { color: false })).toBe(
      await table(result, { color: false, width: 140 }),
    );
  });
});

describe('table order', () => {
  it('shows scored statements first, then those with evidence but no score, then one folded line', async () => {
    const lines = grid(await table(run(repo.dir), { color: false, width: 140 }));
    const at = (text: string): number => lines.findIndex((l) => l.includes(text));
    expect(at('Working with people')).toBeLessThan(at('Supporting people to live'));
    expect(at('Supporting people to live')).toBeLessThan(at('Assessing needs'));
    expect(at('Assessing needs')).toBeLessThan(
      at('No evidence, not assessed (1): Equity in experience and outcomes'),
    );
    // Safeguarding's only item is in error: its own row, saying so.
    const safeguarding = lines.slice(at('│ Safeguarding')).join('\n');
    expect(safeguarding).toMatch(/Evidence in error/);
    expect(lines.join('\n')).toContain('No evidence, not assessed (1): Safe pathways');
  });

  it('folds every statement without evidence into one line per group', async () => {
    const result = score('provider-example');
    const text = grid(await table(result, { color: false, width: 200 })).join('\n');
    const none = result.statements.filter((s) => s.items.length === 0 && s.excludedItems === 0);
    expect(none.length).toBeGreaterThan(20);
    // A row has a cell per column; the folded line is one cell.
    const rows = text.split('\n').filter((l) => l.split('│').length > 3);
    for (const s of none) expect(rows.some((l) => l.startsWith(`│ ${s.title} `))).toBe(false);
    const folded = [...text.matchAll(/No evidence, not assessed \((\d+)\)/g)].map((m) =>
      Number(m[1]),
    );
    expect(folded.reduce((a, b) => a + b, 0)).toBe(none.length);
  });

  it('keeps a row for a statement without evidence whose score changed since the baseline', async () => {
    const current = score('provider-example');
    const before = JSON.parse(JSON.stringify(current)) as typeof current;
    const environments = before.statements.find((s) => s.id === 'safe-environments');
    if (!environments) throw new Error('provider framework lacks safe-environments');
    environments.score = 3;
    const text = await table(withBaseline(current, before), { color: false, width: 200 });
    const row = grid(text).find((l) => l.startsWith('│ Safe environments '));
    expect(row).toMatch(/down 3>-/);
    expect(text).not.toMatch(/not assessed \(\d+\): [^│]*Safe environments/);
  });
});

describe('table colour', () => {
  it('colours problems by severity: errors red, warnings yellow', async () => {
    const text = await table(run('fixtures/broken'), { color: true, width: 140 });
    expect(text).toContain('\u001b[31merror\u001b[39m');
    expect(text).toContain('\u001b[33mwarn\u001b[39m');
    // eslint-disable-next-line no-control-regex -- the colour codes are what is tested
    expect(text).toMatch(/Problems\u001b\[22m \(\u001b\[31m\u001b\[1m\d+ errors/);
  });

  it('has no escape codes without colour', async () => {
    expect(await table(run('fixtures/broken'), { color: false })).not.toContain('\u001b');
  });
});

describe('wrap', () => {
  it.each([
    ['one two three four', 9, '', ['one two', 'three', 'four']],
    ['  - Strength: a b c', 13, '    ', ['  - Strength:', '    a b c']],
    [
      'see a/very/long/path.yaml:12 here',
      10,
      '  ',
      ['see', '  a/very/long/path.yaml:12', '  here'],
    ],
    ['\u001b[1mbold\u001b[22m text', 9, '', ['\u001b[1mbold\u001b[22m text']],
  ])('%j at %i', (text, width, indent, lines) => {
    expect(wrap(text, width, indent)).toEqual(lines);
  });
});
