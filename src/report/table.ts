/**
 * The terminal table: one row per statement grouped by theme or key question,
 * then the rating, each scored statement's findings (with file:line), gaps and
 * what would lift it, changes since the baseline, and problems.
 * Colour only when asked; evidence text is stripped of escape sequences and
 * control characters so a file cannot repaint the terminal.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ScoreResult, StatementResult } from '../model/index.js';
import { changesOf } from './baseline.js';
import { diagnosticLine } from './diagnostics-text.js';
import { terminalText as t } from './escape.js';
import type { Formatter } from './types.js';
import {
  DISCLAIMER,
  EFFECT_LABELS,
  isShortfall,
  overallLabel,
  ratingLabel,
  refText,
  scoreChange,
  statementsInOrder,
} from './words.js';

type Paint = InstanceType<typeof Chalk>;

function scoreCell(s: StatementResult, paint: Paint): string {
  if (s.score === null) return paint.dim('-');
  const colour = [paint.red, paint.yellow, paint.green, paint.cyan][s.score - 1] ?? paint.white;
  return colour(`${s.score}`);
}

function changeCell(before: number | null, after: number | null, paint: Paint): string {
  if (before === after) return '=';
  const arrow = (after ?? 0) > (before ?? 0) ? paint.green('up') : paint.red('down');
  return `${arrow} ${before ?? '-'}>${after ?? '-'}`;
}

export const table: Formatter = (result: ScoreResult, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const changes = changesOf(result, options);
  const moved = new Map((changes?.statements ?? []).map((c) => [c.id, c]));
  const head = [
    'Statement',
    'Score',
    'Label',
    '%',
    'Confidence',
    'Strengths',
    'Shortfalls',
    'Gaps',
    ...(changes ? ['Change'] : []),
  ];
  const grid = new Table({
    head,
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [34, 7, 22, 6, 12, 11, 12, 30, ...(changes ? [10] : [])],
  });
  for (const { group, statements } of statementsInOrder(result)) {
    const rating = ratingLabel(group.rating);
    grid.push([
      {
        colSpan: head.length,
        content: paint.bold(
          `${t(group.title)}${group.percent !== null ? `  ${group.percent}%` : ''}  ${rating}`,
        ),
      },
    ]);
    for (const s of statements) {
      const change = moved.get(s.id);
      grid.push([
        t(s.title),
        scoreCell(s, paint),
        s.label ? t(s.label.replace('Evidence shows ', '')) : paint.dim('not assessed'),
        s.percent === null ? '' : `${s.percent}${s.onEdge ? '*' : ''}`,
        s.confidence?.level ?? '',
        String(s.counts.strength + s.counts.exceptional),
        String(s.counts.shortfall + s.counts['significant-shortfall']),
        s.gaps.map((g) => t(g.message)).join('; '),
        ...(changes ? [change ? changeCell(change.before, change.after, paint) : ''] : []),
      ]);
    }
  }
  const out: string[] = [grid.toString(), ''];
  const o = result.overall;
  out.push(
    `${paint.bold(`Overall: ${overallLabel(o)}`)}${o.percent !== null ? ` (${o.percent}%)` : ''} - ${t(o.basis)}`,
  );
  if (result.statements.some((s) => s.onEdge))
    out.push(paint.dim('* between two bands: the rounding policy decided the score'));

  for (const s of result.statements) {
    if (s.score === null) continue;
    out.push(
      '',
      paint.bold(`${t(s.title)}: ${s.score}, ${t(s.label ?? '')}`) +
        ` (${s.percent}%, ${s.band} half of the band; confidence ${s.confidence?.level ?? 'none'})`,
    );
    for (const f of s.findings) {
      const where = f.evidence.slice(0, 3).map((e) => t(refText(e)));
      const more = f.evidence.length > 3 ? `, +${f.evidence.length - 3} more` : '';
      const mark = isShortfall(f.effect) ? paint.red('-') : paint.green('+');
      out.push(`  ${mark} ${EFFECT_LABELS[f.effect]}: ${t(f.text)} (${where.join(', ')}${more})`);
    }
    for (const g of s.gaps) out.push(`  ${paint.yellow('!')} Gap: ${t(g.message)}`);
    for (const lift of s.toLift.slice(0, 3))
      out.push(`  ${paint.cyan('^')} To lift: ${t(lift.replace(/^Address: /, ''))}`);
  }
  if (changes) {
    out.push(
      '',
      paint.bold(
        `Since the baseline (as of ${t(changes.baseline.asOf)}): overall ${ratingLabel(changes.overall.before)} -> ${ratingLabel(changes.overall.after)}`,
      ),
    );
    for (const c of changes.statements.filter((x) => x.direction !== 'same'))
      out.push(
        `  ${c.direction === 'up' ? paint.green('up') : paint.red('down')}: ${t(c.title)} ${scoreChange(c.before, c.after)}`,
      );
    for (const f of changes.newFindings) out.push(`  new: ${t(f.statement)}: ${t(f.text)}`);
    for (const f of changes.resolvedFindings)
      out.push(`  resolved: ${t(f.statement)}: ${t(f.text)}`);
    if (changes.statements.length === 0) out.push('  no score or finding has changed');
  }
  if (result.diagnostics.length > 0) {
    out.push(
      '',
      paint.bold(
        `Problems (${result.summary.errors} errors, ${result.summary.warnings} warnings):`,
      ),
    );
    for (const d of result.diagnostics) out.push(`  ${t(diagnosticLine(d, options.verbose))}`);
  }
  out.push('', paint.dim(DISCLAIMER));
  return `${out.join('\n')}\n`;
};
