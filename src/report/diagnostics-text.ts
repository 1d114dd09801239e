import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../model/index.js';
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
export function diagnosticLine(d: Diagnostic, paint?: Paint): string {
  const severity = paint ? paint[SEVERITY_COLOUR[d.severity]](d.severity) : d.severity;
  const code = paint ? paint.dim(d.code) : d.code;
  return `${terminalLine(`${d.file}:${d.line}:${d.column}`)} ${severity} ${code}  ${terminalLine(d.message)}`;
}

export function diagnosticsText(diagnostics: readonly Diagnostic[], paint?: Paint): string {
  return diagnostics.map((d) => `${diagnosticLine(d, paint)}\n`).join('');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning", each coloured by its severity when there are any. */
export function problemCounts(errors: number, warnings: number, paint?: Paint): string {
  const e = count(errors, 'error');
  const w = count(warnings, 'warning');
  if (!paint) return `${e}, ${w}`;
  return `${errors > 0 ? paint.red.bold(e) : e}, ${warnings > 0 ? paint.yellow(w) : w}`;
}
