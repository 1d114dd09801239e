import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { loadRules } from '../../src/score/rubrics.js';
import { run } from '../../src/run/index.js';
import { evidenceYaml, LA_CONFIG, runCli, tempRepo } from '../helpers.js';

describe('shipped rubrics', () => {
  it.each(['local-authority', 'provider'] as const)(
    '%s: every statement has its own rules, with unique ids',
    (id) => {
      const catalogue = loadFramework(id);
      const rules = loadRules(catalogue);
      for (const statement of catalogue.statements) {
        const own = rules.forStatement(statement.id).filter((r) => !r.id.startsWith('cue/'));
        expect(own.length, statement.id).toBeGreaterThanOrEqual(8);
        expect(new Set(own.map((r) => r.effect)).size, statement.id).toBeGreaterThanOrEqual(3);
      }
      const ids = rules.all.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});

describe('house rules with --rubrics', () => {
  it('add rules and replace shipped ones by id', () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'e.yaml': evidenceYaml('assessing-needs'),
      'rules/house.yaml': [
        'statement: assessing-needs',
        'rules:',
        '  - id: house/four-weeks',
        '    finding: Assessments meet our four-week standard',
        '    effect: exceptional',
        '    weight: 3',
        '    when: { text: { any: [within four weeks] } }',
      ].join('\n'),
    });
    try {
      const result = run(repo.dir, { rubrics: [`${repo.dir}/rules`] });
      const s = result.statements.find((x) => x.id === 'assessing-needs')!;
      expect(s.findings.map((f) => f.rule)).toContain('house/four-weeks');
      expect(s.items[0]?.basis?.judgement).toBe('exceptional');
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    [
      'a schema error',
      'statement: assessing-needs\nrules:\n  - id: house/x\n    finding: F\n    effect: great\n    when: { category: [processes] }\n',
      /house\.yaml:5:13 error schema\/enum/,
    ],
    [
      'a bad pattern',
      'statement: assessing-needs\nrules:\n  - id: house/x\n    finding: F\n    effect: strength\n    when: { text: { patterns: ["(unclosed"] } }\n',
      /house\.yaml:3:5 error rubric\/rule {2}rule "house\/x": a text pattern is not a valid regular expression/,
    ],
    [
      'an unknown statement',
      'statement: assesing-needs-x\nrules: []\n',
      /house\.yaml:1:12 error rubric\/unknown-statement/,
    ],
    [
      'two keys in one condition',
      'statement: assessing-needs\nrules:\n  - id: house/x\n    finding: F\n    effect: strength\n    when: { category: [processes], status: [planned] }\n',
      /schema\/shape/,
    ],
  ])('a broken rubric (%s) is exit 2 pointing at its line', async (_name, text, pattern) => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'e.yaml': evidenceYaml(),
      'rules/house.yaml': text,
    });
    try {
      const result = await runCli([repo.dir, '--rubrics', `${repo.dir}/rules`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(pattern);
    } finally {
      repo.cleanup();
    }
  });
});
