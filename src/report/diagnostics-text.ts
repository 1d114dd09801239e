import type { Diagnostic } from '../model/index.js';
import { codeHelpUri } from './codes.js';
import { terminalLine } from './escape.js';

/**
 * One line per diagnostic: `file:line:col severity code  message`. File names
 * and messages can quote evidence, so terminal escapes and control characters
 * are taken out.
 */
export function diagnosticLine(d: Diagnostic, verbose = false): string {
  const line = terminalLine(
    `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}  ${d.message}`,
  );
  // With --verbose, where the code is explained (docs/codes.md).
  return verbose ? `${line} (see ${codeHelpUri(d.code)})` : line;
}

export function diagnosticsText(diagnostics: readonly Diagnostic[], verbose = false): string {
  return diagnostics.map((d) => `${diagnosticLine(d, verbose)}\n`).join('');
}
