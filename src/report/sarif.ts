/**
 * SARIF 2.1.0 for code scanning: every diagnostic, every shortfall finding and
 * every gap that points at evidence becomes a result with file, line and column.
 * A result is at level `error` exactly when it fails the run (the gate in
 * threshold.ts, which also decides the exit status and JUnit): a diagnostic
 * at or above --fail-on, the findings of a statement below --fail-under, and
 * one `threshold/…` result per failed score, rating or warning count.
 * Nothing time- or machine-dependent is written, so the log is reproducible.
 */
import type { Diagnostic, ScoreResult, Severity, SourceRef } from '../model/index.js';
import { changesOf } from './baseline.js';
import { fileUri, plainText } from './escape.js';
import { DEFAULT_GATE, failsThreshold, gateFailures } from './threshold.js';
import type { ThresholdFormatOptions } from './threshold.js';
import type { Formatter } from './types.js';
import { DISCLAIMER, EFFECT_LABELS, isShortfall, overallLabel } from './words.js';

type Level = 'error' | 'warning' | 'note';

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: Level };
  properties: Record<string, string>;
}

interface Result {
  ruleId: string;
  ruleIndex?: number;
  level: Level;
  message: { text: string };
  locations?: object[];
  relatedLocations?: object[];
  properties: Record<string, unknown>;
}

const LEVELS: Record<Severity, Level> = { error: 'error', warn: 'warning', info: 'note' };

function location(ref: SourceRef, id?: number): object {
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: { uri: fileUri(ref.file), uriBaseId: 'SRCROOT' },
      region: { startLine: Math.max(1, ref.line), startColumn: Math.max(1, ref.column) },
    },
  };
}

/** A rule name in PascalCase, as SARIF viewers expect, from an id such as `schema/required`. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function diagnosticResult(d: Diagnostic, level: Level): Result {
  return {
    ruleId: d.code,
    level,
    message: { text: plainText(d.message) },
    locations: [location(d)],
    properties: { kind: 'diagnostic' },
  };
}

export const sarif: Formatter = (result: ScoreResult, options: ThresholdFormatOptions) => {
  const gate = options.gate ?? DEFAULT_GATE;
  const failures = gateFailures(result, gate);
  const failedStatements = new Set(
    failures.flatMap((f) => (f.kind === 'score' ? [f.statement] : [])),
  );
  /** Below the gate an error-severity diagnostic is a warning: only what fails the run is an error. */
  const levelOf = (severity: Severity): Level =>
    failsThreshold(severity, gate.failOn) ? 'error' : severity === 'info' ? 'note' : 'warning';
  const rules = new Map<string, Rule>();
  const addRule = (
    id: string,
    text: string,
    level: Level,
    properties: Record<string, string>,
  ): void => {
    if (!rules.has(id))
      rules.set(id, {
        id,
        name: ruleName(id),
        shortDescription: { text: plainText(text) },
        defaultConfiguration: { level },
        properties,
      });
  };
  const results: Result[] = [];

  for (const d of result.diagnostics) {
    addRule(d.code, `Evidence file problem: ${d.code}`, LEVELS[d.severity], {
      category: 'diagnostic',
    });
    results.push(diagnosticResult(d, levelOf(d.severity)));
  }
  for (const s of result.statements) {
    for (const f of s.findings.filter((x) => isShortfall(x.effect))) {
      const level: Level = failedStatements.has(s.id) ? 'error' : 'warning';
      addRule(f.rule, f.text, 'warning', {
        category: 'finding',
        statement: s.id,
        indicator: plainText(f.indicator),
      });
      const [first, ...rest] = f.evidence;
      results.push({
        ruleId: f.rule,
        level,
        message: {
          text: plainText(
            `${EFFECT_LABELS[f.effect]} in ${s.title} (score ${s.score ?? 'not assessed'}): ${f.text}`,
          ),
        },
        ...(first ? { locations: [location(first)] } : {}),
        ...(rest.length > 0
          ? { relatedLocations: rest.map((ref, i) => location(ref, i + 1)) }
          : {}),
        properties: {
          kind: 'finding',
          statement: s.id,
          indicator: plainText(f.indicator),
          effect: f.effect,
          score: s.score,
        },
      });
    }
    for (const g of s.gaps.filter((x) => x.evidence.length > 0)) {
      const id = `gap/${g.kind}`;
      addRule(id, `Evidence gap: ${g.kind}`, 'note', { category: 'gap' });
      const [first, ...rest] = g.evidence;
      results.push({
        ruleId: id,
        level: 'note',
        message: { text: plainText(`${s.title}: ${g.message}`) },
        ...(first ? { locations: [location(first)] } : {}),
        ...(rest.length > 0
          ? { relatedLocations: rest.map((ref, i) => location(ref, i + 1)) }
          : {}),
        properties: { kind: 'gap', statement: s.id },
      });
    }
  }

  for (const f of failures.filter((x) => x.kind !== 'diagnostics')) {
    const id = `threshold/${f.kind === 'warnings' ? 'max-warnings' : f.kind}`;
    addRule(id, `A failure threshold of the run (${id})`, 'error', { category: 'threshold' });
    results.push({
      ruleId: id,
      level: 'error',
      message: { text: plainText(f.reason) },
      properties: { kind: 'threshold', ...(f.kind === 'score' ? { statement: f.statement } : {}) },
    });
  }

  const ruleList = [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  for (const r of results) r.ruleIndex = index.get(r.ruleId) ?? 0;

  const changes = changesOf(result, options);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cqc-score',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: 'https://www.npmjs.com/package/cqc-score',
            rules: ruleList,
          },
        },
        originalUriBaseIds: {
          SRCROOT: { description: { text: 'The folder cqc-score was run from.' } },
        },
        columnKind: 'unicodeCodePoints',
        results: results.map(
          ({ ruleId, ruleIndex, level, message, locations, relatedLocations, properties }) => ({
            ruleId,
            ruleIndex,
            level,
            message,
            ...(locations ? { locations } : {}),
            ...(relatedLocations ? { relatedLocations } : {}),
            properties,
          }),
        ),
        properties: {
          framework: result.framework,
          asOf: result.asOf,
          overall: overallLabel(result.overall),
          scores: Object.fromEntries(result.statements.map((s) => [s.id, s.score])),
          note: DISCLAIMER,
          ...(changes ? { changes } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
