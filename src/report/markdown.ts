/**
 * Markdown: a summary a director can circulate, laid out like a CQC report
 * page. Every line is at most 80 columns where it can be broken and all
 * evidence text is escaped, so the output passes markdownlint's default rules.
 */
import type { Changes, ScoreResult, SourceRef, StatementResult } from '../model/index.js';
import { SCORE_LABELS } from '../score/arithmetic.js';
import { changesOf } from './baseline.js';
import { mdCell, mdCode, mdText, mdWords, wrap } from './escape.js';
import type { Formatter } from './types.js';
import {
  DISCLAIMER,
  EFFECT_LABELS,
  frameworkTitle,
  groupNoun,
  itemTitle,
  overallLabel,
  ratingLabel,
  refText,
  scoreChange,
  statementsInOrder,
} from './words.js';

const WIDTH = 80;

type Item = readonly string[] | { words: readonly string[]; children: readonly Item[] };

/** List lines; nested items are indented two spaces per level (markdownlint's ul-indent). */
function listLines(items: readonly Item[], indent: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const words = 'children' in item ? item.words : item;
    lines.push(...wrap(words, WIDTH, `${indent}- `, `${indent}  `));
    if ('children' in item) lines.push(...listLines(item.children, `${indent}  `));
  }
  return lines;
}

/** Builds the document block by block; blocks are separated by one blank line. */
class Doc {
  private readonly blocks: string[] = [];
  private readonly headings = new Set<string>();

  heading(level: number, text: string): void {
    let title = mdText(text).replace(/[.,;:!]+$/, '');
    // markdownlint's no-duplicate-heading: a repeated title gets a number.
    for (let n = 2; this.headings.has(title.toLowerCase()); n++) title = `${mdText(text)} (${n})`;
    this.headings.add(title.toLowerCase());
    this.blocks.push(`${'#'.repeat(level)} ${title}`);
  }

  /** A paragraph of already-escaped words. */
  words(words: readonly string[]): void {
    if (words.length > 0) this.blocks.push(wrap(words, WIDTH).join('\n'));
  }

  /** A paragraph of plain text, escaped here. */
  text(text: string): void {
    this.words(mdWords(text));
  }

  /** A list of items, each given as escaped words or as words with a nested list. */
  list(items: readonly Item[]): void {
    if (items.length > 0) this.blocks.push(listLines(items, '').join('\n'));
  }

  table(head: readonly string[], rows: readonly (readonly string[])[]): void {
    const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    this.blocks.push([line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n'));
  }

  toString(): string {
    return `${this.blocks.join('\n\n')}\n`;
  }
}

/** Strong emphasis over several words (they may wrap). */
function bold(words: readonly string[]): string[] {
  return words.map((w, i) => `${i === 0 ? '**' : ''}${w}${i === words.length - 1 ? '**' : ''}`);
}

/** "title (`file:line`)" for an evidence item, or just the code span when the item is unknown. */
function citation(statement: StatementResult, ref: SourceRef): string[] {
  const title = itemTitle(statement, ref);
  const code = mdCode(refText(ref));
  return title ? [...mdWords(title), `(${code})`] : [code];
}

function citations(statement: StatementResult, refs: readonly SourceRef[]): Item[] {
  return refs.map((ref) => citation(statement, ref));
}

function overview(doc: Doc, result: ScoreResult): void {
  const noun = groupNoun(result.framework);
  doc.heading(2, 'Overview');
  doc.table(
    [mdCell(noun.charAt(0).toUpperCase() + noun.slice(1)), 'Scored', '%', 'Rating'],
    result.groups.map((g) => [
      mdCell(g.title),
      `${g.scored} of ${g.statements.length}`,
      g.percent === null ? '-' : `${g.percent}%`,
      ratingLabel(g.rating),
    ]),
  );
  const rows: string[][] = [];
  for (const { statements } of statementsInOrder(result)) {
    for (const s of statements) {
      rows.push([
        mdCell(s.title),
        s.score === null ? '-' : String(s.score),
        s.percent === null ? '-' : `${s.percent}%`,
        s.confidence?.level ?? 'none',
      ]);
    }
  }
  doc.table(['Statement', 'Score', '%', 'Confidence'], rows);
  doc.text(
    'Score 4: evidence shows an exceptional standard. 3: a good standard. 2: some shortfalls. 1: significant shortfalls. A dash: not assessed, for want of current evidence.',
  );
}

function changes(doc: Doc, result: ScoreResult, change: Changes): void {
  doc.heading(2, 'Changes since the baseline');
  const { before, after } = change.overall;
  doc.text(
    `Compared with the result as of ${change.baseline.asOf} (cqc-score ${change.baseline.toolVersion}). Overall rating: ` +
      (before === after
        ? `${ratingLabel(after)}, unchanged.`
        : `${ratingLabel(before)} before, ${ratingLabel(after)} now.`),
  );
  if (
    change.statements.length === 0 &&
    change.newFindings.length === 0 &&
    change.resolvedFindings.length === 0
  ) {
    doc.text('No statement score or finding has changed.');
    return;
  }
  const moved = change.statements.filter((s) => s.direction !== 'same');
  if (moved.length > 0) {
    doc.text('Scores that moved:');
    doc.list(
      moved.map((s) =>
        mdWords(`${s.title}: ${s.direction} from ${scoreChange(s.before, s.after)}`),
      ),
    );
  }
  const title = (id: string): string => result.statements.find((s) => s.id === id)?.title ?? id;
  for (const [heading, findings] of [
    ['New findings:', change.newFindings],
    ['Resolved findings (in the baseline, not now):', change.resolvedFindings],
  ] as const) {
    if (findings.length === 0) continue;
    doc.text(heading);
    doc.list(
      findings.map((f) => mdWords(`${title(f.statement)}: ${EFFECT_LABELS[f.effect]}: ${f.text}`)),
    );
  }
}

function statementSection(doc: Doc, s: StatementResult): void {
  doc.heading(3, s.title);
  doc.text(`Score: ${s.score ?? 'not assessed'}`);
  if (s.score !== null) {
    doc.text(`${s.score} - ${s.label ?? SCORE_LABELS[s.score]}`);
    const where = s.band
      ? `, in the ${s.band} half of the band${s.onEdge ? ', decided by rounding' : ''}`
      : '';
    const confidence = s.confidence
      ? ` Confidence: ${s.confidence.level} (${s.confidence.reasons.join('; ')}).`
      : '';
    doc.text(`${s.percent}%${where}.${confidence}`);
  } else {
    doc.text('No current evidence, so this statement is not assessed.');
  }
  doc.words([...bold(['What', 'this', 'statement', 'covers.']), ...mdWords(s.description)]);

  const judged =
    s.counts.exceptional +
    s.counts.strength +
    s.counts.shortfall +
    s.counts['significant-shortfall'];
  if (s.findings.length > 0) {
    doc.text(
      `Key findings for this quality statement, from ${judged} judged item${judged === 1 ? '' : 's'} ` +
        `(${s.counts.exceptional + s.counts.strength} showing strengths, ${s.counts.shortfall + s.counts['significant-shortfall']} showing shortfalls):`,
    );
    const indicators = [...new Set(s.findings.map((f) => f.indicator))];
    doc.list(
      indicators.map((indicator) => ({
        words: mdWords(indicator),
        children: s.findings
          .filter((f) => f.indicator === indicator)
          .map((f) => ({
            words: mdWords(`${EFFECT_LABELS[f.effect]}: ${f.text}.`),
            children: citations(s, f.evidence),
          })),
      })),
    );
  } else if (s.score !== null) {
    doc.text('No rule matched this evidence, so there are no key findings to show.');
  }

  doc.text('Gaps and stale evidence:');
  if (s.gaps.length === 0) doc.text('None found.');
  else
    doc.list(
      s.gaps.map((g) => ({ words: mdWords(`${g.message}.`), children: citations(s, g.evidence) })),
    );

  doc.text('What would lift the score:');
  if (s.toLift.length === 0)
    doc.text(
      s.score === 4 ? 'Keep the evidence current.' : 'Nothing recorded holds the score down.',
    );
  else doc.list(s.toLift.map((t) => mdWords(t)));
}

/** The Markdown summary: rating and overview first, then one section per statement like a CQC report page. */
export const markdown: Formatter = (result, options) => {
  const doc = new Doc();
  const o = result.overall;
  doc.heading(1, `Suggested CQC scores: ${frameworkTitle(result.framework)}`);
  doc.words([
    ...bold(['Suggested', 'overall', 'rating:']),
    ...bold(mdWords(overallLabel(o))),
    ...mdWords(`${o.percent !== null ? `(${o.percent}%). ` : '. '}${o.basis}.`),
  ]);
  doc.text(
    `Evidence as of ${result.asOf}: ${result.items} item${result.items === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}, ` +
      `${o.scored} of ${o.of} statements scored; ${result.summary.errors} error${result.summary.errors === 1 ? '' : 's'} and ` +
      `${result.summary.warnings} warning${result.summary.warnings === 1 ? '' : 's'} in the evidence files. ` +
      `Method: ${result.method}, rounding ${result.rounding}; cqc-score ${result.tool.version}.`,
  );
  doc.words([...bold(['Note.']), ...mdWords(DISCLAIMER)]);
  overview(doc, result);
  const change = changesOf(result, options);
  if (change) changes(doc, result, change);
  for (const { group, statements } of statementsInOrder(result)) {
    doc.heading(2, group.title);
    const scored = `${group.scored} of ${group.statements.length} statements scored`;
    doc.text(
      group.rating
        ? `${ratingLabel(group.rating)} (${group.percent}%), ${scored}.`
        : `Not rated: ${scored}.`,
    );
    for (const s of statements) statementSection(doc, s);
  }
  if (result.diagnostics.length > 0) {
    doc.heading(2, 'Problems in the evidence files');
    doc.list(
      result.diagnostics.map((d) => [
        mdCode(`${d.file}:${d.line}:${d.column}`),
        ...mdWords(`${d.severity} ${d.code}: ${d.message}`),
      ]),
    );
  }
  return doc.toString();
};
