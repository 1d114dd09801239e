/**
 * GitHub Actions workflow commands: annotations on the evidence files.
 * Diagnostics are errors, warnings or notices by severity; shortfall findings
 * are warnings; gaps, the rating and changes since the baseline are notices.
 */
import type { ScoreResult, Severity, SourceRef } from '../model/index.js';
import { changesOf } from './baseline.js';
import { ghData, ghProperty, plainText } from './escape.js';
import type { Formatter } from './types.js';
import {
  EFFECT_LABELS,
  isShortfall,
  leftOutWords,
  overallLabel,
  refText,
  scoreChange,
} from './words.js';

type Command = 'error' | 'warning' | 'notice';

const COMMANDS: Record<Severity, Command> = { error: 'error', warn: 'warning', info: 'notice' };

function annotation(command: Command, message: string, title: string, ref?: SourceRef): string {
  const props = [
    ...(ref ? [`file=${ghProperty(ref.file)}`, `line=${ref.line}`, `col=${ref.column}`] : []),
    `title=${ghProperty(plainText(title))}`,
  ];
  return `::${command} ${props.join(',')}::${ghData(plainText(message))}`;
}

export const github: Formatter = (result: ScoreResult, options) => {
  const lines: string[] = [];
  for (const d of result.diagnostics)
    lines.push(annotation(COMMANDS[d.severity], d.message, `cqc-score ${d.code}`, d));
  for (const s of result.statements) {
    for (const f of s.findings.filter((x) => isShortfall(x.effect))) {
      const others = f.evidence.slice(1).map(refText);
      const message = `${f.text}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}`;
      lines.push(
        annotation(
          'warning',
          message,
          `${s.title}: ${EFFECT_LABELS[f.effect]} (score ${s.score ?? 'not assessed'})`,
          f.evidence[0],
        ),
      );
    }
    // A statement with no evidence at all is listed once below, not annotated on its own.
    for (const g of s.gaps.filter((x) => !(x.kind === 'no-evidence' && s.items.length === 0))) {
      lines.push(annotation('notice', g.message, `${s.title}: gap`, g.evidence[0]));
    }
  }
  const unassessed = result.statements.filter((s) => s.score === null && s.items.length === 0);
  if (unassessed.length > 0) {
    lines.push(
      annotation(
        'notice',
        `${unassessed.length} of ${result.statements.length} statements have no evidence: ${unassessed.map((s) => s.title).join('; ')}`,
        'Not assessed',
      ),
    );
  }
  const changes = changesOf(result, options);
  if (changes) {
    for (const c of changes.statements.filter((x) => x.direction !== 'same')) {
      lines.push(
        annotation(
          c.direction === 'down' ? 'warning' : 'notice',
          `${c.title} went ${c.direction}: ${scoreChange(c.before, c.after)}`,
          'Changed since the baseline',
        ),
      );
    }
    for (const f of changes.newFindings)
      lines.push(
        annotation(
          'notice',
          `${f.statement}: ${EFFECT_LABELS[f.effect]}: ${f.text}`,
          'New finding since the baseline',
        ),
      );
    for (const f of changes.resolvedFindings)
      lines.push(
        annotation(
          'notice',
          `${f.statement}: ${EFFECT_LABELS[f.effect]}: ${f.text}`,
          'Resolved since the baseline',
        ),
      );
  }
  const o = result.overall;
  const leftOut = leftOutWords(result, true);
  lines.push(
    annotation(
      'notice',
      `${overallLabel(o)}${o.percent !== null ? ` (${o.percent}%)` : ''}: ${o.basis}.${leftOut ? ` Provisional: ${leftOut}.` : ''} Scores are suggestions, not CQC judgements.`,
      'cqc-score overall rating',
    ),
  );
  return `${lines.join('\n')}\n`;
};
