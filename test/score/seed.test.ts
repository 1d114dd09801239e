// The bundled example drawn from a published CQC assessment (Learning,
// improvement and innovation, scored 2) must score 2 for the same reasons.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';

const result = run('fixtures/seed-learning');
const statement = result.statements.find((s) => s.id === 'learning-improvement-and-innovation')!;
const findings = (effect: string): string[] =>
  statement.findings.filter((f) => f.effect === effect).map((f) => f.rule);

describe('the seed case', () => {
  it('validates clean', () => expect(result.diagnostics).toEqual([]));

  it('scores 2, some shortfalls', () => {
    expect(statement.score).toBe(2);
    expect(statement.label).toBe('Evidence shows some shortfalls');
    expect(statement.percent).toBeGreaterThanOrEqual(39);
    expect(statement.percent).toBeLessThanOrEqual(62);
  });

  it('finds ongoing learning and staff development a strength', () => {
    expect(findings('strength')).toContain('learning-improvement-and-innovation/ongoing-learning');
  });

  it('finds coproduction, feedback and complaint remedies not yet embedded or timely', () => {
    expect(findings('shortfall')).toEqual(
      expect.arrayContaining([
        'learning-improvement-and-innovation/coproduction-not-embedded',
        'learning-improvement-and-innovation/feedback-not-used',
        'learning-improvement-and-innovation/complaint-remedies-late',
      ]),
    );
  });

  it('finds the reliance on locum staff', () => {
    expect(findings('shortfall')).toContain(
      'learning-improvement-and-innovation/workforce-reliance-on-agency',
    );
  });

  it('cites the evidence behind each finding by file and line', () => {
    const locums = statement.findings.find((f) => f.rule.endsWith('workforce-reliance-on-agency'))!;
    expect(locums.evidence).toEqual([
      { file: 'fixtures/seed-learning/workforce-learning.yaml', line: 52, column: 5 },
    ]);
  });

  it('says which shortfall, once addressed, would lift the score', () => {
    expect(statement.toLift[0]).toMatch(
      /^Address ".+" \(\d+ items?\): that alone would lift the score to 3$/,
    );
  });

  it('marks the other eight statements not assessed, never 1', () => {
    const others = result.statements.filter((s) => s.id !== statement.id);
    expect(others).toHaveLength(8);
    for (const other of others) {
      expect(other.score).toBeNull();
      expect(other.gaps[0]?.kind).toBe('no-evidence');
    }
  });
});
