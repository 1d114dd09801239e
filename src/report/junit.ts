/**
 * JUnit XML: one test case per statement, grouped in one suite per theme or
 * key question. A statement fails when it scores below its --fail-under
 * threshold (a good standard, 3, when none is given); one not assessed is skipped.
 */
import type { ScoreResult, StatementResult } from '../model/index.js';
import { changesOf } from './baseline.js';
import { xmlAttr, xmlText } from './escape.js';
import { belowThreshold, DEFAULT_THRESHOLDS, thresholdFor } from './threshold.js';
import type { ScoreThresholds, ThresholdFormatOptions } from './threshold.js';
import type { Formatter } from './types.js';
import {
  DISCLAIMER,
  EFFECT_LABELS,
  isShortfall,
  overallLabel,
  refText,
  scoreChange,
  statementsInOrder,
} from './words.js';

function details(s: StatementResult): string {
  const lines = [`${s.title}: score ${s.score ?? 'not assessed'}${s.label ? ` (${s.label})` : ''}`];
  for (const f of s.findings.filter((x) => isShortfall(x.effect))) {
    lines.push(`${EFFECT_LABELS[f.effect]}: ${f.text} [${f.evidence.map(refText).join(', ')}]`);
  }
  for (const g of s.gaps)
    lines.push(
      `Gap: ${g.message}${g.evidence.length > 0 ? ` [${g.evidence.map(refText).join(', ')}]` : ''}`,
    );
  for (const t of s.toLift) lines.push(`To lift: ${t}`);
  return lines.join('\n');
}

function testCase(
  s: StatementResult,
  thresholds: ScoreThresholds,
  group: string,
  change: string | undefined,
): string[] {
  const open = `    <testcase classname="${xmlAttr(`cqc-score.${group}`)}" name="${xmlAttr(`${s.title} (${s.id})`)}" time="0">`;
  const why = belowThreshold(s, thresholds);
  const out = [open];
  if (why) {
    out.push(
      `      <failure message="${xmlAttr(why)}" type="score-below-threshold">${xmlText(details(s))}</failure>`,
    );
  } else if (s.score === null) {
    out.push(
      `      <skipped message="${xmlAttr(`${s.id} is not assessed: no current evidence`)}"/>`,
    );
  }
  const min = thresholdFor(thresholds, s.id)?.min;
  const system = [
    `score: ${s.score ?? 'not assessed'}`,
    `threshold: ${min ?? 'none'}`,
    ...(change ? [`since baseline: ${change}`] : []),
  ];
  out.push(`      <system-out>${xmlText(system.join('\n'))}</system-out>`, '    </testcase>');
  return out;
}

export const junit: Formatter = (result: ScoreResult, options: ThresholdFormatOptions) => {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const changes = changesOf(result, options);
  const moved = new Map(
    (changes?.statements ?? []).map((c) => [
      c.id,
      `${c.direction}, ${scoreChange(c.before, c.after)}`,
    ]),
  );
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const { group, statements } of statementsInOrder(result)) {
    const failed = statements.filter((s) => belowThreshold(s, thresholds)).length;
    const skips = statements.filter(
      (s) => s.score === null && !belowThreshold(s, thresholds),
    ).length;
    tests += statements.length;
    failures += failed;
    skipped += skips;
    suites.push(
      `  <testsuite name="${xmlAttr(group.title)}" tests="${statements.length}" failures="${failed}" errors="0" skipped="${skips}" time="0">`,
      ...statements.flatMap((s) => testCase(s, thresholds, group.id, moved.get(s.id))),
      '  </testsuite>',
    );
  }
  const summary = `Overall: ${overallLabel(result.overall)}. ${result.overall.basis}. ${DISCLAIMER}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cqc-score" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    `  <!-- ${xmlText(summary).replace(/--/g, '- -')} -->`,
    // A weakened personal-data check is named in every output, JUnit included.
    ...result.diagnostics
      .filter((d) => d.code.startsWith('privacy/'))
      .map((d) => `  <!-- ${xmlText(d.message).replace(/--/g, '- -')} -->`),
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
