/**
 * Every format checked by the tool its consumers use: markdownlint (default
 * rules), Microsoft's SARIF validator and the SARIF 2.1.0 JSON Schema, a JUnit
 * XML parser, and Ajv with our own result schema.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseJunit } from 'junit2json';
import { lint } from 'markdownlint/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { withBaseline } from '../../src/report/baseline.js';
import { EXAMPLES, providerBaseline, render, score } from './golden-helpers.js';
import type { ExampleName } from './golden-helpers.js';

const require = createRequire(import.meta.url);
const names = Object.keys(EXAMPLES) as ExampleName[];
const results = () => [
  ...names.map((name) => ({ name, result: score(name) })),
  {
    name: 'provider-example with baseline',
    result: withBaseline(score('provider-example'), providerBaseline()),
  },
];
const temp = mkdtempSync(join(tmpdir(), 'cqc-score-validators-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('markdown passes markdownlint with its default rules', () => {
  it.each(results())('$name', async ({ name, result }) => {
    const text = await render(result, 'markdown');
    const errors = lint({ strings: { [name]: text } });
    expect(errors.toString()).toBe('');
  });
});

describe('json is valid against schemas/result.schema.json', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync('schemas/result.schema.json', 'utf8')) as object,
  );
  it.each(results())('$name', async ({ result }) => {
    const value = JSON.parse(await render(result, 'json')) as unknown;
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('sarif', () => {
  const multitoolDir = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
  const multitool = join(multitoolDir, 'Sarif.Multitool');
  // npm leaves the package's install script unrun, so the binary may lack its run bit.
  chmodSync(multitool, 0o755);
  const sarifSchema = JSON.parse(
    readFileSync(join(multitoolDir, 'sarif-2.1.0.json'), 'utf8'),
  ) as object;
  const validateSchema = new Ajv2020({ allErrors: true, strict: false, logger: false }).compile(
    sarifSchema,
  );

  it.each(results())(
    '$name passes the SARIF 2.1.0 JSON schema and sarif-multitool validate',
    async ({ name, result }) => {
      const text = await render(result, 'sarif');
      validateSchema(JSON.parse(text));
      expect(validateSchema.errors ?? []).toEqual([]);

      const file = join(temp, `${name.replace(/\W+/g, '-')}.sarif`);
      const log = `${file}.validation.sarif`;
      writeFileSync(file, text);
      execFileSync(multitool, ['validate', file, '--output', log, '--log', 'ForceOverwrite'], {
        encoding: 'utf8',
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      });
      const validation = JSON.parse(readFileSync(log, 'utf8')) as {
        runs: { results?: { level?: string; message: { text?: string; id?: string } }[] }[];
      };
      const errors = validation.runs
        .flatMap((run) => run.results ?? [])
        .filter((r) => r.level === 'error');
      expect(errors).toEqual([]);
    },
  );

  it('puts shortfall findings and diagnostics at a file, line and column', async () => {
    const log = JSON.parse(await render(score('provider-example'), 'sarif')) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    const byRule = new Map(
      log.runs[0]?.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation]),
    );
    expect(byRule.get('missing-date')).toEqual({
      artifactLocation: { uri: 'fixtures/provider-example/effective.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 15, startColumn: 5 },
    });
    expect([...byRule.keys()].some((id) => id.startsWith('medicines-optimisation/'))).toBe(true);
  });
});

describe('junit parses back with a JUnit reader', () => {
  const gate = { failOn: 'error' as const, thresholds: { all: 3 as const, statements: {} } };
  it.each(results())('$name', async ({ result }) => {
    const parsed = await parseJunit(await render(result, 'junit', { gate }));
    if (!parsed || !('testsuite' in parsed)) throw new Error('not a <testsuites> document');
    const cases = (parsed.testsuite ?? []).flatMap((suite) => suite.testcase ?? []);
    // One case per statement, and one per evidence file with diagnostics.
    const files = new Set(result.diagnostics.map((d) => d.file));
    const failingFiles = new Set(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
    );
    expect(cases).toHaveLength(result.statements.length + files.size);
    expect(parsed.tests).toBe(result.statements.length + files.size);
    const failed =
      result.statements.filter((s) => s.score !== null && s.score < 3).length + failingFiles.size;
    expect(parsed.failures).toBe(failed);
    expect(cases.filter((c) => c.failure).length).toBe(failed);
    expect(cases.filter((c) => c.skipped).length).toBe(
      result.statements.filter((s) => s.score === null).length,
    );
  });

  it('carries hostile evidence text intact', async () => {
    const parsed = await parseJunit(
      await render(score('hostile'), 'junit', {
        gate: { failOn: 'error', thresholds: { all: 3, statements: {} } },
      }),
    );
    if (!parsed || !('testsuite' in parsed)) throw new Error('not a <testsuites> document');
    const safeguarding = parsed.testsuite
      ?.flatMap((s) => s.testcase ?? [])
      .find((c) => c.name === 'Safeguarding (safeguarding)');
    expect(safeguarding?.failure?.[0]?.inner).toContain(
      '# Forged heading | with a pipe <script>alert(1)</script>',
    );
  });
});
