import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/model/index.js';
import { failureLine, testRule } from '../../src/score/rule-test.js';
import { runCli, tempRepo } from '../helpers.js';

const DELAYS: Rule = {
  id: 'house/delays',
  finding: 'People wait too long',
  effect: 'shortfall',
  when: { text: { any: ['delay*'] } },
  examples: {
    fire: ['Assessments were delayed by months.'],
    quiet: ['There were no delays.', 'Reviews happen on time.'],
  },
};

describe('testRule', () => {
  it('passes a rule whose examples hold', () => {
    expect(testRule(DELAYS)).toEqual([]);
  });

  it.each([
    [
      'a fire example it misses',
      { fire: ['Reviews happen on time.'], quiet: ['Nothing here.'] },
      'house/delays: should fire on "Reviews happen on time." but no match',
    ],
    [
      'a fire example it reads as negated',
      { fire: ['There were no delays.'], quiet: ['Nothing here.'] },
      'house/delays: should fire on "There were no delays." but negated (not delays)',
    ],
    [
      'a quiet example it fires on',
      { fire: ['Delays grew.'], quiet: ['Delays grew again.'] },
      'house/delays: should stay quiet on "Delays grew again." but matched (delays)',
    ],
  ])('reports %s', (_name, examples, line) => {
    expect(testRule({ ...DELAYS, examples }).map(failureLine)).toEqual([line]);
  });

  it('fails a rule without examples', () => {
    const { examples: _, ...bare } = DELAYS;
    expect(testRule(bare)).toHaveLength(1);
    expect(failureLine(testRule(bare)[0]!)).toContain('has no examples');
  });

  it('reads an example item with its category and metrics', () => {
    const rule: Rule = {
      id: 'house/low-uptake',
      finding: 'Few carers take up a direct payment',
      effect: 'shortfall',
      when: {
        all: [
          { category: ['outcomes'] },
          { metric: { name: 'uptake-percent', op: '<', value: 20 } },
        ],
      },
      examples: {
        fire: [{ category: 'outcomes', metrics: { 'uptake-percent': 12 } }],
        quiet: [{ category: 'processes', metrics: { 'uptake-percent': 12 } }],
      },
    };
    expect(testRule(rule)).toEqual([]);
  });
});

describe('cqc-score rubrics --test', () => {
  const rubric = (examples: string) => `statement: assessing-needs
framework: local-authority
rules:
  - id: house/delays
    finding: People wait too long
    effect: shortfall
    when: { text: { any: ['delay*'] } }
    examples:
${examples}
`;

  it('exits 0 when every example holds', async () => {
    const { dir } = tempRepo({
      'rules.yaml': rubric(
        "      fire: ['Assessments were delayed.']\n      quiet: ['No delays at all.']",
      ),
    });
    const result = await runCli(['rubrics', '--framework', 'local-authority', '--test', dir]);
    expect(result.stdout).toBe('1 rules, 2 examples: all pass\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 and names each failing example', async () => {
    const { dir } = tempRepo({
      'rules.yaml': rubric("      fire: ['Reviews were on time.']\n      quiet: ['Delays grew.']"),
    });
    const result = await runCli(['rubrics', '--framework', 'local-authority', '--test', dir]);
    expect(result.stdout).toContain('should fire on "Reviews were on time." but no match');
    expect(result.stdout).toContain('should stay quiet on "Delays grew." but matched (delays)');
    expect(result.stdout).toContain('1 rules, 2 examples: 2 failing');
    expect(result.code).toBe(1);
  });

  it('exits 2 with a located error for a rubric whose examples are malformed', async () => {
    const { dir } = tempRepo({ 'rules.yaml': rubric('      fire: []\n      quiet: [x]') });
    const result = await runCli(['rubrics', '--framework', 'local-authority', '--test', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rules\.yaml:\d+:\d+/);
  });
});
