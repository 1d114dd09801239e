import type { ScoreResult } from '../model/index.js';

export interface FormatOptions {
  /** Colour for terminal output. */
  color: boolean;
  /** The terminal's width in columns, for the table; unset when unknown (a pipe or a file). */
  width?: number;
  /** Mask personal data in every format. */
  redact?: boolean;
  /** A previous JSON result to compare against. */
  baseline?: ScoreResult;
}

/** A formatter is a pure function from a result to text. */
export type Formatter = (result: ScoreResult, options: FormatOptions) => string | Promise<string>;
