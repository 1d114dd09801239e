import { plural } from '../base/plural.js';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../model/index.js';
import { codeHelpUri } from './codes.js';
import { terminalLine } from './escape.js';

/** Colours for the terminal; without one, plain text. Only the type is imported, so loading this costs nothing. */
export type Paint = ChalkInstance;

const SEVERITY_COLOUR: Record<Severity, 'red' | 'yellow' | 'blue'> = {
  error: 'red',
  warn: 'yellow',
  info: 'blue',
};

/**
 * One line per diagnostic: `file:line:col severity code  message`, the
 * severity coloured (errors red, warnings yellow) when painting. File names
 * and messages can quote evidence, so terminal escapes and control characters
 * are taken out.
 */
export function diagnosticLine(d: Diagnostic, paint?: Paint, verbose = false): string {
  const severity = paint ? paint[SEVERITY_COLOUR[d.severity]](d.severity) : d.severity;
  const code = paint ? paint.dim(d.code) : d.code;
  const line = `${terminalLine(`${d.file}:${d.line}:${d.column}`)} ${severity} ${code}  ${terminalLine(d.message)}`;
  // With --verbose, where the code is explained (docs/codes.md).
  return verbose ? `${line} (see ${codeHelpUri(d.code)})` : line;
}

export function diagnosticsText(
  diagnostics: readonly Diagnostic[],
  paint?: Paint,
  verbose = false,
): string {
  return diagnostics.map((d) => `${diagnosticLine(d, paint, verbose)}\n`).join('');
}

/** "2 errors, 1 warning", each coloured by its severity when there are any. */
export function problemCounts(errors: number, warnings: number, paint?: Paint): string {
  const e = plural(errors, 'error');
  const w = plural(warnings, 'warning');
  if (!paint) return `${e}, ${w}`;
  return `${errors > 0 ? paint.red.bold(e) : e}, ${warnings > 0 ? paint.yellow(w) : w}`;
}
