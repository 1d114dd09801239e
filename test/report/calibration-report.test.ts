// The report on two published councils' evidence (../shared/calibration,
// beside the clone): its text is not ours to copy into the repository, so
// instead of golden files this checks the report's structure.
import { existsSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { SUMMARY_LIMIT } from '../../src/report/markdown.js';
import { run } from '../../src/run/index.js';
import { render } from './golden-helpers.js';

const ROOT = '../shared/calibration';
const COUNCILS = [`${ROOT}/text-only/medway/evidence`, `${ROOT}/labelled/blackpool/evidence`];

/** The sub-headings of an assessed statement, in the order a CQC statement page has them. */
const SECTIONS = [
  '#### What the statement expects',
  '#### Key findings',
  "#### People's experience beside the processes",
  '#### Gaps and stale evidence',
  '#### What would lift the score',
];

describe.each(COUNCILS)('the report on %s', (dir) => {
  it('reads like a CQC statement page, statement by statement', async () => {
    expect(existsSync(dir), `${dir} is missing: the calibration folder sits beside the clone`).toBe(
      true,
    );
    const result = run(dir);
    const text = await render(result, 'markdown');
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT);
    expect(lint({ strings: { [dir]: text } }).toString()).toBe('');

    // An honest headline: provisional with a range unless every statement is scored.
    const headline = text.split('\n\n')[2] ?? '';
    const assessed = result.statements.filter((s) => s.score !== null);
    if (assessed.length < result.statements.length)
      expect(headline).toMatch(
        new RegExp(
          `^\\*\\*Provisional: ${assessed.length} of ${result.statements.length} statements assessed\\.\\*\\* No overall rating yet`,
        ),
      );
    else expect(headline).toMatch(/^\*\*Suggested overall rating: /);
    expect(headline).not.toMatch(/Requires improvement|Good \(|Outstanding \(|Inadequate \(/);

    for (const s of assessed) {
      const start = text.indexOf(`\n### ${s.title}\n`);
      expect(start, s.title).toBeGreaterThan(0);
      const ends = ['\n### ', '\n## '].map((h) => text.indexOf(h, start + 1)).filter((i) => i > 0);
      const section = text.slice(start, Math.min(...ends));
      // The score and its label once.
      expect(section.match(/\*\*Score: \d\*\*/g)).toEqual([`**Score: ${s.score}**`]);
      expect(section).toContain(`**Score: ${s.score}** – ${s.label}`);
      const at = SECTIONS.map((h) => section.indexOf(`\n${h}\n`));
      expect(
        at.every((i) => i > 0),
        s.title,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // Findings carry what the evidence says and where, relative to the evidence folder.
      if (s.findings.length > 0)
        expect(section).toMatch(/told us: “|Records show: “|Data shows: “|Survey data: “/);
      expect(section).not.toContain(dir);
      expect(section).toMatch(/`[a-z0-9-]+\.yaml:\d+`/);
    }
    // Statements without evidence come once, together, at the end.
    const missing = result.statements.filter((s) => s.score === null);
    const list = text.indexOf('\n## Statements without evidence\n');
    expect(list).toBeGreaterThan(text.lastIndexOf('\n#### What would lift the score\n'));
    for (const s of missing) expect(text.slice(list)).toContain(`- ${s.title} (`);
  });
});
