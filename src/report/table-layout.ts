/**
 * Fitting the terminal table to a width: which columns are shown and how wide
 * each is. The statement title and the gaps wrap; when even their narrowest
 * widths do not fit, whole columns go, least useful first (the label repeats
 * the score in words, the counts are shown again under each statement).
 */

/** The width used when the terminal's is unknown (output piped or written to a file). */
export const DEFAULT_WIDTH = 140;

export type ColumnId =
  | 'statement'
  | 'score'
  | 'change'
  | 'percent'
  | 'gaps'
  | 'confidence'
  | 'strengths'
  | 'shortfalls'
  | 'label';

interface ColumnDef {
  id: ColumnId;
  head: string;
  /** Width including cli-table3's one space of padding each side. */
  width: number;
  /** For the columns that wrap: how far they may grow. */
  max?: number;
}

/** In the order they are shown. */
const COLUMNS: readonly ColumnDef[] = [
  { id: 'statement', head: 'Statement', width: 20, max: 34 },
  { id: 'score', head: 'Score', width: 7 },
  { id: 'label', head: 'Label', width: 24 },
  { id: 'percent', head: '%', width: 6 },
  { id: 'confidence', head: 'Confidence', width: 12 },
  { id: 'strengths', head: 'Strengths', width: 11 },
  { id: 'shortfalls', head: 'Shortfalls', width: 12 },
  { id: 'gaps', head: 'Gaps', width: 24, max: 50 },
  { id: 'change', head: 'Change', width: 10 },
];

/** Dropped in this order, a group at a time, until the rest fits. */
const DROP_ORDER: readonly (readonly ColumnId[])[] = [
  ['label'],
  ['strengths', 'shortfalls'],
  ['confidence'],
  ['gaps'],
];

export interface Layout {
  columns: { id: ColumnId; head: string; width: number }[];
  /** The table's width in characters, borders included. */
  total: number;
}

/** One border between each pair of columns and one at each edge. */
function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + widths.length + 1;
}

/**
 * The columns to show in `width` characters. The statement column and then the
 * gaps column take any room left over, up to their maximum; below the
 * narrowest table (statement, score and percentage) the table is wider than
 * asked and the terminal wraps it.
 */
export function layoutFor(width: number, withChange: boolean): Layout {
  let shown = COLUMNS.filter((c) => withChange || c.id !== 'change');
  for (const group of DROP_ORDER) {
    if (tableWidth(shown.map((c) => c.width)) <= width) break;
    shown = shown.filter((c) => !group.includes(c.id));
  }
  let spare = width - tableWidth(shown.map((c) => c.width));
  const columns = shown.map((c) => ({ id: c.id, head: c.head, width: c.width }));
  for (const column of columns) {
    const max = COLUMNS.find((c) => c.id === column.id)?.max;
    if (max === undefined || spare <= 0) continue;
    const grow = Math.min(spare, max - column.width);
    column.width += grow;
    spare -= grow;
  }
  return { columns, total: tableWidth(columns.map((c) => c.width)) };
}

/** What the terminal shows as one character per code point, ignoring our own colour codes. */
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(COLOUR, '')].length;
}

/**
 * Wraps text at spaces to `width` characters; lines after the first start with
 * `indent`. A word longer than the line (a long path) is left whole.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const [first = '', ...words] = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead + first;
  for (const word of words) {
    const candidate = `${line} ${word}`;
    if (visibleLength(candidate) > width && word !== '') {
      lines.push(line);
      line = indent + word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}
