import { Chalk } from 'chalk';
import type { Paint } from '../report/diagnostics-text.js';
import type { MainOptions } from './io.js';

/**
 * The width to fit the table to: `COLUMNS` when set (as shells and CI set it
 * to override), else the terminal's own width; undefined when writing to a
 * pipe, so piped output does not depend on the window it was run from.
 */
export function terminalWidth(options: MainOptions): number | undefined {
  const columns = options.env?.COLUMNS;
  if (columns !== undefined && /^[1-9][0-9]*$/.test(columns)) return Number(columns);
  if (options.stdout.isTTY === true && typeof options.stdout.columns === 'number')
    return options.stdout.columns > 0 ? options.stdout.columns : undefined;
  return undefined;
}

/** Basic colours (16), for the commands that print diagnostics themselves. */
export function terminalPaint(): Paint {
  return new Chalk({ level: 1 });
}
