/**
 * `--baseline previous.json`: what changed since an earlier JSON result.
 * Findings are matched by statement and rule id, so rewording evidence does
 * not make a finding look new; scores are compared statement by statement.
 */
import { FatalError } from '../base/errors.js';
import type { Changes, FindingChange, ScoreResult, StatementChange } from '../model/index.js';
import { maskPersonalData } from '../validate/privacy.js';
import type { FormatOptions } from './types.js';
import type { Expected } from '../load/decode.js';

/** What a --baseline file should hold, for the message about one that is binary. */
export const BASELINE_TEXT: Expected = {
  format: 'JSON',
  advice: 'give a file written by --format json',
};

function findingKeys(result: ScoreResult): Map<string, FindingChange> {
  const keys = new Map<string, FindingChange>();
  for (const s of result.statements) {
    for (const f of s.findings) {
      keys.set(`${s.id}\u0000${f.rule}`, {
        statement: s.id,
        rule: f.rule,
        text: f.text,
        effect: f.effect,
      });
    }
  }
  return keys;
}

/** Compares a result with a baseline. Everything is listed in the current result's statement order, then by rule. */
export function compareResults(current: ScoreResult, baseline: ScoreResult): Changes {
  const order = new Map(current.statements.map((s, i) => [s.id, i]));
  const rank = (f: FindingChange): number => order.get(f.statement) ?? order.size;
  const byStatementThenRule = (a: FindingChange, b: FindingChange): number =>
    rank(a) - rank(b) ||
    (a.statement < b.statement ? -1 : a.statement > b.statement ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

  const now = findingKeys(current);
  const before = findingKeys(baseline);
  const newFindings = [...now]
    .filter(([key]) => !before.has(key))
    .map(([, f]) => f)
    .sort(byStatementThenRule);
  const resolvedFindings = [...before]
    .filter(([key]) => !now.has(key))
    .map(([, f]) => f)
    .sort(byStatementThenRule);
  const touched = new Set([...newFindings, ...resolvedFindings].map((f) => f.statement));

  const previous = new Map(baseline.statements.map((s) => [s.id, s]));
  const statements: StatementChange[] = [];
  for (const s of current.statements) {
    const was = previous.get(s.id)?.score ?? null;
    if (was === s.score && !touched.has(s.id)) continue;
    const direction = was === s.score ? 'same' : (s.score ?? 0) > (was ?? 0) ? 'up' : 'down';
    statements.push({ id: s.id, title: s.title, before: was, after: s.score, direction });
  }
  return {
    baseline: { asOf: baseline.asOf, toolVersion: baseline.tool.version },
    overall: { before: baseline.overall.rating, after: current.overall.rating },
    statements,
    newFindings,
    resolvedFindings,
  };
}

/** The result with `changes` filled in from the baseline. */
export function withBaseline(current: ScoreResult, baseline: ScoreResult): ScoreResult {
  return { ...current, changes: compareResults(current, baseline) };
}

/** The changes a formatter should show: those on the result, else computed from `options.baseline`. */
export function changesOf(result: ScoreResult, options: FormatOptions): Changes | undefined {
  if (result.changes) return result.changes;
  return options.baseline ? compareResults(result, options.baseline) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where JSON.parse stopped, as a line and column. Its own message quotes the
 * text around the problem, cut at a length that can split personal data in
 * two, so the text is never repeated.
 */
function jsonProblemPlace(text: string, error: unknown): string {
  const at = /at position (\d+)/.exec((error as Error).message);
  if (!at) return 'it does not parse';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `it does not parse at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Reads a baseline from the text of a `--format json` result. Only the parts
 * the comparison uses are checked; anything else is a usage error (exit 2).
 */
export function parseBaseline(text: string, name: string): ScoreResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FatalError(
      `${name} is not JSON (${jsonProblemPlace(text, error)}); give a file written by --format json`,
      [],
      { cause: error },
    );
  }
  const problem = baselineProblem(value);
  if (problem) throw new FatalError(`${name} is not a cqc-score JSON result: ${problem}`);
  return value as ScoreResult;
}

/**
 * A value from the baseline as a message quotes it. The message is printed
 * with or without --redact, as a configuration file's are, so any personal
 * data in the value is masked here.
 */
function quoted(value: unknown): string {
  return maskPersonalData(String(JSON.stringify(value)));
}

function baselineProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.schemaVersion !== 1)
    return `schemaVersion is ${quoted(value.schemaVersion)}, expected 1`;
  if (!isObject(value.tool) || typeof value.tool.version !== 'string')
    return 'tool.version is missing';
  if (typeof value.asOf !== 'string') return 'asOf is missing';
  if (!isObject(value.overall) || !('rating' in value.overall)) return 'overall.rating is missing';
  if (!Array.isArray(value.statements)) return 'statements is missing';
  for (const [i, s] of value.statements.entries()) {
    if (!isObject(s) || typeof s.id !== 'string') return `statements[${i}].id is missing`;
    if (!(s.score === null || (typeof s.score === 'number' && [1, 2, 3, 4].includes(s.score))))
      return `statements[${i}].score is not 1-4 or null`;
    if (!Array.isArray(s.findings)) return `statements[${i}].findings is missing`;
    for (const [j, f] of s.findings.entries()) {
      if (
        !isObject(f) ||
        typeof f.rule !== 'string' ||
        typeof f.text !== 'string' ||
        typeof f.effect !== 'string'
      ) {
        return `statements[${i}].findings[${j}] needs rule, text and effect`;
      }
    }
  }
  return undefined;
}
