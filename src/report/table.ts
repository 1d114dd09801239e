/**
 * The terminal table: one row per statement grouped by theme or key question
 * (scored statements first, those without any evidence folded into one line),
 * then the rating, each scored statement's findings (with file:line), gaps and
 * what would lift it, changes since the baseline, and problems coloured by
 * severity. Everything fits the width asked for (the terminal's): columns wrap,
 * and the least useful are dropped on narrow terminals.
 * Colour only when asked; evidence text is stripped of escape sequences and
 * control characters so a file cannot repaint the terminal.
 */
import { plural } from '../base/plural.js';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ScoreResult, StatementResult } from '../model/index.js';
import { changesOf } from './baseline.js';
import { diagnosticLine, problemCounts } from './diagnostics-text.js';
import { terminalText as t } from './escape.js';
import { DEFAULT_WIDTH, layoutFor, wrap } from './table-layout.js';
import type { ColumnId } from './table-layout.js';
import type { Paint } from './diagnostics-text.js';
import type { Formatter } from './types.js';
import {
  DISCLAIMER,
  EFFECT_LABELS,
  isShortfall,
  leftOutWords,
  overallLabel,
  ratingLabel,
  refText,
  scoreChange,
  statementsInOrder,
} from './words.js';

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

/** A statement with no evidence at all, not even items in error: folded into its group's one line. */
function withoutEvidence(s: StatementResult): boolean {
  return s.items.length === 0 && s.excludedItems === 0;
}

/** Scored statements first, then those not assessed that have some evidence; the framework's order within each. */
function arrange(
  statements: readonly StatementResult[],
  keep: (s: StatementResult) => boolean,
): { rows: StatementResult[]; folded: StatementResult[] } {
  const folded = statements.filter((s) => withoutEvidence(s) && !keep(s));
  const rest = statements.filter((s) => !folded.includes(s));
  return {
    rows: [...rest.filter((s) => s.score !== null), ...rest.filter((s) => s.score === null)],
    folded,
  };
}

function cell(id: ColumnId, s: StatementResult, change: string, paint: Paint): string {
  switch (id) {
    case 'statement':
      return t(s.title);
    case 'score':
      return scoreCell(s, paint);
    case 'label':
      return s.label ? t(s.label.replace('Evidence shows ', '')) : paint.dim('not assessed');
    case 'percent':
      return s.percent === null ? '' : `${s.percent}${s.onEdge ? '*' : ''}`;
    case 'confidence':
      return s.confidence?.level ?? '';
    case 'strengths':
      return String(s.counts.strength + s.counts.exceptional);
    case 'shortfalls':
      return String(s.counts.shortfall + s.counts['significant-shortfall']);
    case 'gaps':
      return s.gaps.map((g) => t(g.message)).join('; ');
    case 'change':
      return change;
  }
}

export const table: Formatter = (result: ScoreResult, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? DEFAULT_WIDTH;
  const changes = changesOf(result, options);
  const moved = new Map((changes?.statements ?? []).map((c) => [c.id, c]));
  const layout = layoutFor(width, changes !== undefined);
  const grid = new Table({
    head: layout.columns.map((c) => c.head),
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: layout.columns.map((c) => c.width),
  });
  const span = layout.columns.length;
  for (const { group, statements } of statementsInOrder(result)) {
    const rating = ratingLabel(group.rating);
    grid.push([
      {
        colSpan: span,
        content: paint.bold(
          `${t(group.title)}${group.percent !== null ? `  ${group.percent}%` : ''}  ${rating}`,
        ),
      },
    ]);
    const { rows, folded } = arrange(statements, (s) => moved.has(s.id));
    for (const s of rows) {
      const change = moved.get(s.id);
      const changeText = change ? changeCell(change.before, change.after, paint) : '';
      grid.push(layout.columns.map((c) => cell(c.id, s, changeText, paint)));
    }
    if (folded.length > 0) {
      const titles = folded.map((s) => t(s.title)).join('; ');
      grid.push([
        {
          colSpan: span,
          content: paint.dim(`No evidence, not assessed (${folded.length}): ${titles}`),
        },
      ]);
    }
  }
  const out: string[] = [grid.toString(), ''];
  /** Adds text wrapped to the width, continuation lines indented by `indent`. */
  const say = (text: string, indent = ''): void => void out.push(...wrap(text, width, indent));
  const o = result.overall;
  say(
    `${paint.bold(`Overall: ${overallLabel(o)}`)}${o.percent !== null ? ` (${o.percent}%)` : ''} - ${t(o.basis)}`,
  );
  const leftOut = leftOutWords(result, true);
  if (leftOut) say(`${paint.bold('Provisional:')} ${t(leftOut)}`);
  if (result.statements.some((s) => s.onEdge))
    say(paint.dim('* between two bands: the rounding policy decided the score'));

  for (const s of result.statements) {
    if (s.score === null) {
      // Said here as well as in the gaps column, which a narrow terminal has no room for.
      if (s.excludedItems > 0) {
        const refs = s.excluded.slice(0, 3).map((ref) => t(refText(ref)));
        const more = s.excluded.length > 3 ? `, +${s.excluded.length - 3} more` : '';
        out.push('');
        say(
          `${paint.bold(`${t(s.title)}: not assessed, evidence in error`)} (${plural(s.excludedItems, 'item')} left out because of errors: ${refs.join(', ')}${more})`,
          '  ',
        );
      }
      continue;
    }
    out.push('');
    say(
      paint.bold(`${t(s.title)}: ${s.score}, ${t(s.label ?? '')}`) +
        ` (${s.percent}%, ${s.band} half of the band; confidence ${s.confidence?.level ?? 'none'})`,
    );
    for (const f of s.findings) {
      const where = f.evidence.slice(0, 3).map((e) => t(refText(e)));
      const more = f.evidence.length > 3 ? `, +${f.evidence.length - 3} more` : '';
      const mark = isShortfall(f.effect) ? paint.red('-') : paint.green('+');
      say(
        `  ${mark} ${EFFECT_LABELS[f.effect]}: ${t(f.text)} (${where.join(', ')}${more})`,
        '    ',
      );
    }
    for (const g of s.gaps) say(`  ${paint.yellow('!')} Gap: ${t(g.message)}`, '    ');
    for (const lift of s.toLift.slice(0, 3))
      say(`  ${paint.cyan('^')} To lift: ${t(lift.replace(/^Address: /, ''))}`, '    ');
  }
  if (changes) {
    out.push('');
    say(
      paint.bold(
        `Since the baseline (as of ${t(changes.baseline.asOf)}): overall ${ratingLabel(changes.overall.before)} -> ${ratingLabel(changes.overall.after)}`,
      ),
    );
    for (const c of changes.statements.filter((x) => x.direction !== 'same'))
      say(
        `  ${c.direction === 'up' ? paint.green('up') : paint.red('down')}: ${t(c.title)} ${scoreChange(c.before, c.after)}`,
        '    ',
      );
    for (const f of changes.newFindings) say(`  new: ${t(f.statement)}: ${t(f.text)}`, '    ');
    for (const f of changes.resolvedFindings)
      say(`  resolved: ${t(f.statement)}: ${t(f.text)}`, '    ');
    if (changes.statements.length === 0) say('  no score or finding has changed');
  }
  if (result.diagnostics.length > 0) {
    const { errors, warnings } = result.summary;
    out.push('', `${paint.bold('Problems')} (${problemCounts(errors, warnings, paint)}):`);
    // One line each, never wrapped, so file:line:column stays where tools and people look for it.
    for (const d of result.diagnostics) out.push(`  ${diagnosticLine(d, paint, options.verbose)}`);
  }
  out.push('');
  say(paint.dim(DISCLAIMER));
  return `${out.join('\n')}\n`;
};
