import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';
import { redactResult } from '../../src/report/redact.js';
import type { ScoreResult } from '../../src/model/index.js';

const ALLOW = ['adult.social.care@example-council.gov.uk', '01632 960000'];
const PLANTED = ' (Mr C, 07700 900999, c@example.net)';

/** Every string in a value, with the path that leads to it. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}/${k}`));
  }
  return [];
}

/** The value with every string replaced by a marker: what must not change. */
function shape(value: unknown): unknown {
  if (typeof value === 'string') return '<string>';
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value;
}

function plant(value: unknown): unknown {
  if (typeof value === 'string') return value + PLANTED;
  if (Array.isArray(value)) return value.map(plant);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plant(v)]));
  }
  return value;
}

describe('redactResult on fixtures/personal-data', () => {
  const result = run('fixtures/personal-data');
  const before = structuredClone(result);
  const redacted = redactResult(result, ALLOW);

  it('the fixture result carries personal data to begin with', () => {
    const text = JSON.stringify(result);
    expect(text).toContain('401 023 2137');
    expect(text).toContain('2 February 1950');
  });

  it('masks it wherever it appears', () => {
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('401 023 2137');
    expect(text).not.toContain('2 February 1950');
    expect(text).toContain(
      'Case note for Mrs A, NHS number [redacted nhs-number], shows a delayed referral',
    );
    expect(text).toContain('Discharge for patient born on [redacted date-of-birth] was delayed');
  });

  it('keeps the structure, numbers and scores', () => {
    expect(shape(redacted)).toEqual(shape(result));
    expect(redacted.statements.map((s) => s.score)).toEqual(result.statements.map((s) => s.score));
    expect(redacted.overall).toEqual(result.overall);
  });

  it('is a copy and leaves its input alone', () => {
    expect(result).toEqual(before);
    expect(redacted).not.toBe(result);
    expect(redacted.statements[0]).not.toBe(result.statements[0]);
  });
});

describe('redactResult on every string field', () => {
  // Plant personal data in every string so that no field, present or future, escapes.
  const clean = run('fixtures/seed-learning');
  const dirty = plant(clean) as ScoreResult;
  const redacted = redactResult(dirty, ALLOW);

  it('finds the planted data in every field', () => {
    const leaks = strings(redacted).filter(([, s]) => /07700 900999|c@example\.net/.test(s));
    expect(leaks).toEqual([]);
  });

  it.each([
    ['statement title', (r: ScoreResult) => r.statements[0]!.title],
    [
      'finding text',
      (r: ScoreResult) => r.statements.find((s) => s.findings.length > 0)!.findings[0]!.text,
    ],
    [
      'finding words',
      (r: ScoreResult) =>
        r.statements.flatMap((s) => s.findings).find((f) => f.words !== undefined)!.words!,
    ],
    ['gap message', (r: ScoreResult) => r.statements.flatMap((s) => s.gaps)[0]!.message],
    ['toLift', (r: ScoreResult) => r.statements.flatMap((s) => s.toLift)[0]!],
    ['item title', (r: ScoreResult) => r.statements.flatMap((s) => s.items)[0]!.title],
    ['overall basis', (r: ScoreResult) => r.overall.basis],
  ])('%s', (_name, pick) => {
    expect(pick(redacted)).toContain('(Mr C, [redacted phone], [redacted email])');
  });

  it('masks diagnostic messages', () => {
    const withDiagnostic: ScoreResult = {
      ...clean,
      diagnostics: [
        {
          code: 'unknown-statement',
          severity: 'error',
          file: 'a.yaml',
          line: 3,
          column: 5,
          message: '"ask jo@example.com" is not a quality statement',
        },
      ],
    };
    expect(redactResult(withDiagnostic).diagnostics[0]!.message).toBe(
      '"ask [redacted email]" is not a quality statement',
    );
  });

  it('changes nothing in a result without personal data', () => {
    expect(redactResult(clean, ALLOW)).toEqual(clean);
  });

  it('leaves allowed contacts visible', () => {
    const withContact = {
      ...clean,
      overall: { ...clean.overall, basis: 'ask adult.social.care@example-council.gov.uk' },
    };
    expect(redactResult(withContact, ALLOW).overall.basis).toBe(
      'ask adult.social.care@example-council.gov.uk',
    );
  });
});
