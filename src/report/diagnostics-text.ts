import type { Diagnostic } from '../model/index.js';

/** One line per diagnostic: `file:line:col severity code  message`. */
export function diagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}  ${d.message}`;
}

export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${diagnosticLine(d)}\n`).join('');
}
