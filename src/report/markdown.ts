/**
 * Markdown: the report a director would circulate (story.ts), as GitHub
 * renders it. `markdown` is the summary, kept under GitHub's 1 MiB step
 * summary limit by showing less detail on very large repositories;
 * `markdown-full` holds every finding, item and problem. Lines are at most 80
 * columns where they can be broken, and all evidence text is escaped, so the
 * output passes markdownlint's default rules.
 */
import type { Changes, ScoreResult } from '../model/index.js';
import { changesOf } from './baseline.js';
import type { Block, Detail, Inline, ListItem } from './document.js';
import { mdCell, mdCode, mdLineStart, mdText, mdWords, wrap } from './escape.js';
import { FULL, story, SUMMARY } from './story.js';
import type { Formatter } from './types.js';
import { EFFECT_LABELS, ratingLabel, scoreChange } from './words.js';

const WIDTH = 80;

/** GitHub's limit on a job's step summary. The summary stays under it, with room to spare. */
export const SUMMARY_LIMIT = 1024 * 1024;
const SUMMARY_TARGET = 1_000_000;

/**
 * Each statement's section repeats the same sub-headings, as a CQC statement
 * page does; headings are unique among their siblings, which is what
 * markdownlint's no-duplicate-heading checks with this setting.
 */
const LINT_SETTINGS = '<!-- markdownlint-configure-file {"MD024": {"siblings_only": true}} -->';

/**
 * Inline content as escaped words, ready to wrap. Parts meet the way they are
 * written: where neither side has a space ("(" and a code span, a code span
 * and ")"), the words join.
 */
function words(text: readonly Inline[]): string[] {
  const out: string[] = [];
  let touching = false;
  const add = (w: string[], glue: boolean): void => {
    if (w.length === 0) return;
    let from = 0;
    if (glue && out.length > 0) out.push(`${out.pop()}${w[from++]}`);
    // One at a time: a spread of a very long text's words would overflow the stack.
    for (; from < w.length; from++) out.push(w[from] as string);
  };
  for (const part of text) {
    if (typeof part === 'string') {
      add(mdWords(part, false), touching && !/^\s/.test(part));
      if (part !== '') touching = !/\s$/.test(part);
    } else if ('code' in part) {
      add([mdCode(part.code)], touching);
      touching = true;
    } else {
      const inner = words(part.strong);
      if (inner.length === 0) continue;
      inner[0] = `**${inner[0]}`;
      inner[inner.length - 1] = `${inner[inner.length - 1]}**`;
      add(inner, touching);
      touching = true;
    }
  }
  return out;
}

function listLines(items: readonly ListItem[], indent: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    for (const line of wrap(words(item.text), WIDTH, `${indent}- `, `${indent}  `, mdLineStart))
      lines.push(line);
    if (item.children) for (const line of listLines(item.children, `${indent}  `)) lines.push(line);
  }
  return lines;
}

function render(block: Block): string | null {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${mdText(block.text).replace(/[.,;:!]+$/, '')}`;
    case 'paragraph': {
      const w = words(block.text);
      return w.length > 0 ? wrap(w, WIDTH, '', '', mdLineStart).join('\n') : null;
    }
    case 'list':
      return block.items.length > 0 ? listLines(block.items, '').join('\n') : null;
    case 'table': {
      const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
      return [
        line(block.head),
        `| ${block.head.map(() => '---').join(' | ')} |`,
        ...block.rows.map(line),
      ].join('\n');
    }
    case 'glance': {
      const assessed = block.tiles.filter((t) => t.score !== null);
      const rows = assessed.map((t) => [t.title, String(t.score), t.confidence ?? '-']);
      const missing = block.tiles.length - assessed.length;
      const note =
        missing > 0
          ? `\n\n${wrap(mdWords(`${missing} of ${block.tiles.length} statements have no current evidence: they are listed at the end.`), WIDTH).join('\n')}`
          : '';
      if (rows.length === 0) return note.trim();
      return `${render({ kind: 'table', head: ['Statement', 'Score', 'Confidence'], rows })}${note}`;
    }
    case 'bar':
      return null;
  }
}

function changeBlocks(result: ScoreResult, change: Changes): Block[] {
  const { before, after } = change.overall;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Changes since the baseline' },
    {
      kind: 'paragraph',
      text: [
        `Compared with the result as of ${change.baseline.asOf} (cqc-score ${change.baseline.toolVersion}). Overall rating: ` +
          (before === after
            ? `${ratingLabel(after)}, unchanged.`
            : `${ratingLabel(before)} before, ${ratingLabel(after)} now.`),
      ],
    },
  ];
  if (
    change.statements.length === 0 &&
    change.newFindings.length === 0 &&
    change.resolvedFindings.length === 0
  ) {
    blocks.push({ kind: 'paragraph', text: ['No statement score or finding has changed.'] });
    return blocks;
  }
  const moved = change.statements.filter((s) => s.direction !== 'same');
  if (moved.length > 0)
    blocks.push(
      { kind: 'paragraph', text: ['Scores that moved:'] },
      {
        kind: 'list',
        items: moved.map((s) => ({
          text: [`${s.title}: ${s.direction} from ${scoreChange(s.before, s.after)}`],
        })),
      },
    );
  const title = (id: string): string => result.statements.find((s) => s.id === id)?.title ?? id;
  for (const [heading, findings] of [
    ['New findings:', change.newFindings],
    ['Resolved findings (in the baseline, not now):', change.resolvedFindings],
  ] as const) {
    if (findings.length === 0) continue;
    blocks.push(
      { kind: 'paragraph', text: [heading] },
      {
        kind: 'list',
        items: findings.map((f) => ({
          text: [`${title(f.statement)}: ${EFFECT_LABELS[f.effect]}: ${f.text}`],
        })),
      },
    );
  }
  return blocks;
}

/** The report's blocks, with the changes since a baseline after the glance when there is one. */
export function reportBlocks(
  result: ScoreResult,
  detail: Detail,
  change: Changes | undefined,
): Block[] {
  const blocks = story(result, detail);
  if (!change) return blocks;
  const at = blocks.findIndex((b) => b.kind === 'glance') + 1;
  return [...blocks.slice(0, at), ...changeBlocks(result, change), ...blocks.slice(at)];
}

export function renderMarkdown(blocks: readonly Block[]): string {
  const parts = [LINT_SETTINGS];
  for (const block of blocks) {
    const text = render(block);
    if (text !== null && text !== '') parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Every finding, item and problem. */
export const markdownFull: Formatter = (result, options) =>
  renderMarkdown(reportBlocks(result, FULL, changesOf(result, options)));

/**
 * The summary and the detail it shows: the most detail that stays under
 * GitHub's step summary limit (detail null when even the least did not fit
 * and the text was cut short).
 */
export function fitSummary(
  result: ScoreResult,
  change: Changes | undefined,
): { text: string; detail: Detail | null } {
  let text = '';
  for (const detail of SUMMARY) {
    text = renderMarkdown(reportBlocks(result, detail, change));
    if (Buffer.byteLength(text) <= SUMMARY_TARGET) return { text, detail };
  }
  // Still too large (tens of thousands of problems): keep whole blocks while they fit.
  const lines = text.split('\n');
  let size = 0;
  let cut = 0;
  const room = SUMMARY_TARGET - 200;
  for (; cut < lines.length; cut++) {
    const bytes = Buffer.byteLength(lines[cut] as string) + 1;
    if (size + bytes > room) break;
    size += bytes;
  }
  while (cut > 0 && lines[cut - 1] !== '') cut--;
  return {
    text: `${lines.slice(0, cut).join('\n')}\n**The summary stops here to stay under 1 MiB.** The full report (--format markdown-full) has the rest.\n`,
    detail: null,
  };
}

/** The summary: the most detail that stays under GitHub's step summary limit. */
export const markdown: Formatter = (result, options) =>
  fitSummary(result, changesOf(result, options)).text;
