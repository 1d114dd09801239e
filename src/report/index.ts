import type { Formatter } from './types.js';
import { json } from './json.js';

export type { Formatter, FormatOptions } from './types.js';

/**
 * Every output format, by name. Each formatter lives in its own module and is
 * loaded only when asked for, so the terminal libraries cost nothing for JSON.
 */
export const FORMATTERS = {
  table: async () => (await import('./table.js')).table,
  json: async () => json,
  markdown: async () => (await import('./markdown.js')).markdown,
  'markdown-full': async () => (await import('./markdown.js')).markdownFull,
  html: async () => (await import('./html.js')).html,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
