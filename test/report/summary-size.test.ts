// A repository of thousands of items still gives a Markdown summary under
// GitHub's 1 MiB step summary limit; the full report keeps every detail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRepo } from '../../scripts/bench/generate.js';
import type { ScoreResult } from '../../src/model/index.js';
import { SUMMARY_LIMIT } from '../../src/report/markdown.js';
import { run } from '../../src/run/index.js';
import { render, score } from './golden-helpers.js';

let dir = '';
let result: ScoreResult;
let summary = '';
let full = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cqc-score-large-'));
  writeRepo(dir, 600);
  result = run(dir);
  summary = await render(result, 'markdown');
  full = await render(result, 'markdown-full');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a large repository', () => {
  it('has thousands of items, and its full report is over the limit', () => {
    expect(result.items).toBeGreaterThan(5000);
    expect(Buffer.byteLength(full)).toBeGreaterThan(SUMMARY_LIMIT);
  });

  it('gives a summary under 1 MiB that still has every assessed statement', () => {
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_LIMIT);
    for (const s of result.statements.filter((x) => x.score !== null))
      expect(summary).toContain(`### ${s.title}`);
    expect(summary).toContain('the full report lists every one');
  });

  it('keeps every cited item in the full report', () => {
    const cited = result.statements.flatMap((s) => s.findings.flatMap((f) => f.evidence));
    expect(cited.length).toBeGreaterThan(1000);
    const prefix = `${result.folder}/`;
    for (const ref of cited)
      expect(full).toContain(`\`${ref.file.slice(prefix.length)}:${ref.line}\``);
  });

  it('names the items left out because of errors before the statements', () => {
    expect(result.excludedItems).toBeGreaterThan(0);
    const named = summary.indexOf('left out because of errors, so not in any score');
    expect(named).toBeGreaterThan(0);
    expect(named).toBeLessThan(summary.indexOf('### '));
  });

  it('passes markdownlint', () => {
    expect(lint({ strings: { summary } }).toString()).toBe('');
  });
});

describe('a summary that would not fit even with the least detail', () => {
  it('stops at a block boundary under the limit and says where the rest is', async () => {
    const huge = score('seed-learning');
    const statement = huge.statements.find((s) => s.score !== null)!;
    statement.findings[0]!.text = 'far too long '.repeat(120_000);
    const text = await render(huge, 'markdown');
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT);
    expect(text).toMatch(
      /\n\n\*\*The summary stops here to stay under 1 MiB\.\*\* The full report/,
    );
    expect(text).toContain('### Learning, improvement and innovation');
  });
});
