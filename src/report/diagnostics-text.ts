import type { Diagnostic } from '../model/index.js';
import { terminalLine } from './escape.js';

/**
 * One line per diagnostic: `file:line:col severity code  message`. File names
 * and messages can quote evidence, so terminal escapes and control characters
 * are taken out.
 */
export function diagnosticLine(d: Diagnostic): string {
  return terminalLine(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}  ${d.message}`);
}

export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${diagnosticLine(d)}\n`).join('');
}
