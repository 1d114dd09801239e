// The seed fixture's report reads, section by section, like the CQC statement
// page it was drawn from (../shared/seed, beside the clone: read here, never
// copied). Each of the page's sections has its counterpart, in the same order.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, score } from './golden-helpers.js';

const SEED = '../shared/seed/medway-learning-improvement-innovation.txt';

/** The page's section lines, and the report's counterpart for each. */
const COUNTERPARTS: [page: RegExp, report: RegExp][] = [
  [/^Learning, improvement and innovation$/m, /^### Learning, improvement and innovation$/m],
  [/^Score: (\d)$/m, /^\*\*Score: (\d)\*\* – /m],
  [/^\d - Evidence shows (.+)$/m, /^\*\*Score: \d\*\* – Evidence shows (.+)$/m],
  [/^The local authority commitment$/m, /^#### What the statement expects$/m],
  [/^Key findings for this quality statement$/m, /^#### Key findings$/m],
  [
    /^Continuous learning, improvement and professional development$/m,
    /^##### Continuous learning and professional development$/m,
  ],
  [/^Learning from feedback$/m, /^##### Learning from feedback$/m],
];

describe('the seed fixture report against the seed page', () => {
  it('has each section of the page, in the page order, with the same score and label', async () => {
    expect(existsSync(SEED), `${SEED} is missing: the seed folder sits beside the clone`).toBe(
      true,
    );
    const page = readFileSync(SEED, 'utf8');
    const report = await render(score('seed-learning'), 'markdown');
    const pageAt: number[] = [];
    const reportAt: number[] = [];
    for (const [inPage, inReport] of COUNTERPARTS) {
      const p = inPage.exec(page);
      const r = inReport.exec(report);
      expect(p, String(inPage)).not.toBeNull();
      expect(r, String(inReport)).not.toBeNull();
      if (p?.[1] !== undefined) expect(r?.[1]).toBe(p[1]);
      pageAt.push(p!.index);
      reportAt.push(r!.index);
    }
    expect([...pageAt].sort((a, b) => a - b)).toEqual(pageAt);
    expect([...reportAt].sort((a, b) => a - b)).toEqual(reportAt);
  });

  it('says who told us under the topics, as the page does', async () => {
    const report = await render(score('seed-learning'), 'markdown');
    const findings = report.slice(
      report.indexOf('#### Key findings'),
      report.indexOf("#### People's"),
    );
    for (const voice of [
      'Staff told us: “',
      'Partners told us: “',
      'People told us: “',
      'Records show: “',
    ])
      expect(findings).toContain(voice);
  });
});
