/**
 * A report as a small document tree, written once (story.ts) and rendered as
 * Markdown (markdown.ts) or HTML (html.ts), so both say exactly the same.
 * Text in the tree is plain and unescaped: each renderer escapes it.
 */
import type { Score } from '../model/index.js';

/** A run of inline text: plain words, a code span (paths), or strong emphasis. */
export type Inline = string | { code: string } | { strong: Inline[] };

export interface ListItem {
  text: Inline[];
  children?: ListItem[];
}

/** One tile of the statements at a glance. */
export interface GlanceTile {
  id: string;
  title: string;
  group: string;
  score: Score | null;
  label: string;
  confidence: string | null;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5; text: string; id?: string }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** Every statement of the framework: a table of those assessed in Markdown, a grid of all in HTML. */
  | { kind: 'glance'; tiles: GlanceTile[] }
  /** Strengths against shortfalls for one statement: a bar in HTML; the text beside it says the same. */
  | { kind: 'bar'; strengths: number; shortfalls: number };

/** How much of the detail a report shows; the summary trims it to stay small. */
export interface Detail {
  /** Items shown under each finding; the rest are counted. */
  itemsPerFinding: number;
  /** Findings shown per statement, most important first in topic order. */
  findingsPerStatement: number;
  /** Words quoted from a summary; undefined quotes the whole summary; 0 quotes nothing. */
  quoteWords: number | undefined;
  /** Items shown per side in "people's experience beside the processes". */
  voices: number;
  /** Diagnostics and items left out because of errors listed. */
  problems: number;
}

/** The plain text of inline content, for measuring and for attributes. */
export function inlineText(text: readonly Inline[]): string {
  return text
    .map((part) =>
      typeof part === 'string' ? part : 'code' in part ? part.code : inlineText(part.strong),
    )
    .join('');
}
