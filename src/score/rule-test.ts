/**
 * A rule's own examples, run: every `fire` example must make the rule match,
 * and no `quiet` example may. The shipped rubrics' test and
 * `cqc-score rubrics --test` both use this.
 */
import type { EvidenceItem, Rule, RuleExample } from '../model/index.js';
import { judgeItem } from './judge.js';

export interface ExampleFailure {
  rule: string;
  /** `fire`: the rule should have matched; `quiet`: it should not have. */
  expected: 'fire' | 'quiet';
  example: string;
  /** What happened instead: "no match", "negated (not well received)", "matched (delays)". */
  actual: string;
}

/** The evidence item an example stands for. */
export function exampleItem(example: RuleExample, statement = 'example'): EvidenceItem {
  const fields = typeof example === 'string' ? { summary: example } : example;
  return {
    ref: { file: 'example', line: 1, column: 1 },
    key: 'example',
    framework: 'local-authority',
    statements: [statement],
    title: fields.title ?? '',
    category: fields.category ?? 'processes',
    summary: fields.summary ?? '',
    ...(fields.source !== undefined ? { source: fields.source } : {}),
    ...(fields.judgement !== undefined ? { judgement: fields.judgement } : {}),
    ...(fields.status !== undefined ? { status: fields.status } : {}),
    tags: fields.tags ?? [],
    metrics: fields.metrics ?? {},
    stale: false,
  };
}

function describeExample(example: RuleExample): string {
  return typeof example === 'string' ? example : JSON.stringify(example);
}

/** How the rule reads one example: "matched (words)", "negated (words)" or "no match". */
export function ruleOutcome(
  rule: Rule,
  example: RuleExample,
): { matched: boolean; actual: string } {
  const verdict = judgeItem(exampleItem(example), [rule]);
  const fired = verdict.fired[0];
  if (!fired) return { matched: false, actual: 'no match' };
  const words = fired.outcome.words.join(', ');
  return fired.outcome.state === 'match'
    ? { matched: true, actual: `matched (${words})` }
    : { matched: false, actual: `negated (${words})` };
}

/** Every way a rule's examples are not met; a rule without examples is one failure. */
export function testRule(rule: Rule): ExampleFailure[] {
  const { examples } = rule;
  if (!examples || examples.fire.length === 0 || examples.quiet.length === 0) {
    return [
      {
        rule: rule.id,
        expected: 'fire',
        example: '(none)',
        actual: 'the rule has no examples: give it `examples` with `fire` and `quiet` lists',
      },
    ];
  }
  const failures: ExampleFailure[] = [];
  for (const example of examples.fire) {
    const { matched, actual } = ruleOutcome(rule, example);
    if (!matched)
      failures.push({ rule: rule.id, expected: 'fire', example: describeExample(example), actual });
  }
  for (const example of examples.quiet) {
    const { matched, actual } = ruleOutcome(rule, example);
    if (matched)
      failures.push({
        rule: rule.id,
        expected: 'quiet',
        example: describeExample(example),
        actual,
      });
  }
  return failures;
}

/** One line per failure, for test output and the CLI. */
export function failureLine(failure: ExampleFailure): string {
  return `${failure.rule}: should ${failure.expected === 'fire' ? 'fire on' : 'stay quiet on'} "${failure.example}" but ${failure.actual}`;
}
