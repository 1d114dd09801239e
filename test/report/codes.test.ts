// Every diagnostic code has a section in docs/codes.md, and links to it land there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeAnchor, codeHelpUri } from '../../src/report/codes.js';
import { sarif } from '../../src/report/sarif.js';
import { run } from '../../src/run/index.js';
import { runCli } from '../helpers.js';

const doc = readFileSync('docs/codes.md', 'utf8');
const headings = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1] as string);
/** GitHub's heading anchor: lower case, punctuation other than "-" and "_" removed, spaces to "-". */
const githubSlug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
const readmeCodes = [
  ...(/## Diagnostics([\s\S]*?)\n## /.exec(readFileSync('README.md', 'utf8'))?.[1] ?? '').matchAll(
    /^\| `([a-z/-]+)` \|/gm,
  ),
].map((m) => m[1] as string);

describe('docs/codes.md', () => {
  it.each([...new Set([...readmeCodes, ...run('fixtures/broken').diagnostics.map((d) => d.code)])])(
    '%s has its own section',
    (code) => {
      expect(headings).toContain(code);
    },
  );

  it.each(headings)('the link for %s is its heading anchor', (code) => {
    expect(codeAnchor(code)).toBe(githubSlug(code));
    expect(codeHelpUri(code)).toBe(`https://cqc-score.dev/docs/codes.md#${githubSlug(code)}`);
  });

  it('names each code once', () => {
    expect(new Set(headings).size).toBe(headings.length);
  });
});

describe('links to the documentation', () => {
  it('SARIF gives every diagnostic rule its helpUri', async () => {
    const log = JSON.parse(await sarif(run('fixtures/broken'), { color: false })) as {
      runs: {
        tool: {
          driver: { rules: { id: string; helpUri?: string; properties: { category: string } }[] };
        };
      }[];
    };
    const rules =
      log.runs[0]?.tool.driver.rules.filter((r) => r.properties.category === 'diagnostic') ?? [];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect(rule.helpUri).toBe(codeHelpUri(rule.id));
  });

  it('the terminal shows the link with --verbose, and only then', async () => {
    const plain = await runCli(['validate', 'fixtures/broken']);
    const verbose = await runCli(['validate', 'fixtures/broken', '--verbose']);
    expect(plain.stdout).not.toContain('docs/codes.md');
    expect(verbose.stdout).toContain(
      'yaml/colon-in-value  YAML cannot be read: the value of "title" contains ": "',
    );
    expect(verbose.stdout).toMatch(
      /colon-in-value\.yaml:3:24 error yaml\/colon-in-value .* \(see https:\/\/cqc-score\.dev\/docs\/codes\.md#yamlcolon-in-value\)\n/,
    );
  });
});
