import chalk, { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ScoreResult, StatementResult } from '../model/index.js';
import { RATING_LABELS } from '../score/arithmetic.js';
import { diagnosticLine } from './diagnostics-text.js';
import type { Formatter } from './types.js';

void chalk;

function scoreCell(s: StatementResult, paint: InstanceType<typeof Chalk>): string {
  if (s.score === null) return paint.dim('not assessed');
  const colour = [paint.red, paint.yellow, paint.green, paint.cyan][s.score - 1] ?? paint.white;
  return colour(`${s.score}`);
}

/** Terminal table: one row per statement grouped by theme or key question, then the rating and the top findings. */
export const table: Formatter = (result: ScoreResult, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const grid = new Table({
    head: ['Statement', 'Score', 'Label', '%', 'Confidence', 'Strengths', 'Shortfalls', 'Gaps'],
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [34, 7, 22, 6, 12, 11, 12, 30],
  });
  for (const group of result.groups) {
    const rating = group.rating ? RATING_LABELS[group.rating] : 'not rated';
    grid.push([{ colSpan: 8, content: paint.bold(`${group.title}${group.percent !== null ? `  ${group.percent}%` : ''}  ${rating}`) }]);
    for (const id of group.statements) {
      const s = result.statements.find((st) => st.id === id);
      if (!s) continue;
      grid.push([
        s.title,
        scoreCell(s, paint),
        s.label ? s.label.replace('Evidence shows ', '') : '',
        s.percent === null ? '' : `${s.percent}${s.onEdge ? '*' : ''}`,
        s.confidence?.level ?? '',
        String(s.counts.strength + s.counts.exceptional),
        String(s.counts.shortfall + s.counts['significant-shortfall']),
        s.gaps.map((g) => g.message).join('; '),
      ]);
    }
  }
  out.push(grid.toString());
  const o = result.overall;
  out.push('');
  out.push(
    paint.bold(`Overall: ${o.rating ? RATING_LABELS[o.rating] : o.judgementNeeded ? 'professional judgement needed' : 'not rated'}`) +
      `${o.percent !== null ? ` (${o.percent}%)` : ''} - ${o.basis}`,
  );
  const top = result.statements
    .flatMap((s) => s.findings.filter((f) => f.effect === 'significant-shortfall' || f.effect === 'shortfall').map((f) => ({ s, f })))
    .slice(0, 5);
  if (top.length > 0) {
    out.push('', paint.bold('Top shortfalls:'));
    for (const { s, f } of top) out.push(`  - ${s.title}: ${f.text} (${f.evidence.map((e) => `${e.file}:${e.line}`).slice(0, 3).join(', ')})`);
  }
  if (result.diagnostics.length > 0) {
    out.push('', paint.bold(`Problems (${result.summary.errors} errors, ${result.summary.warnings} warnings):`));
    for (const d of result.diagnostics) out.push(`  ${diagnosticLine(d)}`);
  }
  out.push('', paint.dim('Scores are suggestions from your own evidence, not CQC judgements.'));
  return `${out.join('\n')}\n`;
};
