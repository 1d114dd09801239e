// --redact: no format prints the personal data found in the evidence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { findPersonalData } from '../../src/validate/privacy.js';
import { runCli } from '../helpers.js';

const DIR = 'fixtures/personal-data';
// The council's published contact details (privacy-allow) are not personal data and may be shown.
const allow = ['adult.social.care@example-council.gov.uk', '01632 960000'];
const secrets = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml') && name !== 'cqc-score.yaml')
  .flatMap((name) =>
    findPersonalData(readFileSync(join(DIR, name), 'utf8'), allow).map((hit) => hit.match),
  );

describe('--redact', () => {
  it('the fixture holds personal data, and without --redact some of it reaches the output', async () => {
    expect(readFileSync(join(DIR, 'cqc-score.yaml'), 'utf8')).toContain(allow[0]);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const plain = await runCli([DIR, '--format', 'json']);
    expect(secrets.some((secret) => plain.stdout.includes(secret))).toBe(true);
  });

  it.each(FORMAT_NAMES)('masks every piece of it in %s', async (format) => {
    const result = await runCli([DIR, '--format', format, '--redact']);
    expect(result.code).toBe(1);
    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
  });

  it('masks validate messages too', async () => {
    const result = await runCli(['validate', DIR, '--redact', '--format', 'json']);
    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
  });

  it('--privacy off turns the check off', async () => {
    const result = await runCli(['validate', DIR, '--privacy', 'off']);
    expect(result.stdout).not.toMatch(/personal-data\//);
    expect(result.stdout).toMatch(
      /info privacy\/weakened {2}personal-data check off by --privacy off/,
    );
    expect(result.code).toBe(0);
  });

  it('--privacy warn reports without failing', async () => {
    const result = await runCli(['validate', DIR, '--privacy', 'warn']);
    expect(result.stdout).toMatch(/warn personal-data\/nhs-number/);
    expect(result.code).toBe(0);
  });
});
