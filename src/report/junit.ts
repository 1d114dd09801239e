/**
 * JUnit XML: one test case per statement, grouped in one suite per theme or
 * key question, and a suite of checks: one case per evidence file with
 * diagnostics, and one each for --fail-under-rating and --max-warnings when
 * given. A case fails exactly when the exit status counts it (the gate in
 * threshold.ts): a statement below its --fail-under threshold, a file with a
 * diagnostic at or above --fail-on. A statement not assessed is skipped.
 */
import type { Diagnostic, ScoreResult, StatementResult } from '../model/index.js';
import { changesOf } from './baseline.js';
import { xmlAttr, xmlText } from './escape.js';
import { diagnosticLine } from './diagnostics-text.js';
import {
  belowThreshold,
  DEFAULT_GATE,
  failsThreshold,
  gateFailures,
  thresholdFor,
} from './threshold.js';
import type { Gate, ScoreThresholds, ThresholdFormatOptions } from './threshold.js';
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
    // What a failure would say, kept for a statement that passes too.
    ...(s.score !== null && !why ? ['', details(s)] : []),
  ];
  out.push(`      <system-out>${xmlText(system.join('\n'))}</system-out>`, '    </testcase>');
  return out;
}

interface Check {
  name: string;
  failure?: string;
  out: string;
}

/** The run's own checks: evidence files with diagnostics, the rating, the warning count. */
function checks(result: ScoreResult, gate: Gate): Check[] {
  const list: Check[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, diagnostics] of byFile) {
    const failing = diagnostics.filter((d) => failsThreshold(d.severity, gate.failOn));
    const out = diagnostics.map((d) => diagnosticLine(d)).join('\n');
    list.push({
      name: file,
      ...(failing.length > 0
        ? { failure: `${failing.length} at or above --fail-on ${gate.failOn}` }
        : {}),
      out,
    });
  }
  const failures = gateFailures(result, gate);
  const rating = failures.find((f) => f.kind === 'rating');
  if (gate.rating)
    list.push({
      name: `overall rating (--fail-under-rating ${gate.rating})`,
      ...(rating ? { failure: rating.reason } : {}),
      out: `rating: ${result.overall.rating ?? 'not decided'}`,
    });
  const warnings = failures.find((f) => f.kind === 'warnings');
  if (gate.maxWarnings !== undefined)
    list.push({
      name: `warnings (--max-warnings ${gate.maxWarnings})`,
      ...(warnings ? { failure: warnings.reason } : {}),
      out: `warnings: ${result.summary.warnings}`,
    });
  return list;
}

function checkCase({ name, failure, out }: Check): string[] {
  return [
    `    <testcase classname="cqc-score.checks" name="${xmlAttr(name)}" time="0">`,
    ...(failure
      ? [
          `      <failure message="${xmlAttr(failure)}" type="check-failed">${xmlText(out)}</failure>`,
        ]
      : []),
    `      <system-out>${xmlText(out)}</system-out>`,
    '    </testcase>',
  ];
}

export const junit: Formatter = (result: ScoreResult, options: ThresholdFormatOptions) => {
  const gate = options.gate ?? DEFAULT_GATE;
  const thresholds: ScoreThresholds = gate.thresholds ?? { statements: {} };
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
  const own = checks(result, gate);
  if (own.length > 0) {
    const failed = own.filter((c) => c.failure !== undefined).length;
    tests += own.length;
    failures += failed;
    suites.push(
      `  <testsuite name="Checks" tests="${own.length}" failures="${failed}" errors="0" skipped="0" time="0">`,
      ...own.flatMap(checkCase),
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
