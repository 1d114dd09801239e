import type { Diagnostic } from '../model/index.js';

/**
 * A problem that stops the run with exit status 2: bad usage, an unreadable or
 * invalid configuration file, a broken rubric. Bad evidence never throws; it
 * becomes diagnostics instead.
 */
export class FatalError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(message: string, diagnostics: Diagnostic[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FatalError';
    this.diagnostics = diagnostics;
  }
}
