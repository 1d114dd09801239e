/** The exact YAML parser's errors, in words a care manager can act on. */
import type { LineCounter, YAMLParseError } from 'yaml';
import type { Diagnostic } from '../model/index.js';
import { offsetToPosition } from './positions.js';
import type { Position } from './positions.js';
import { commonMistake } from './yaml-mistakes.js';

export function fileDiagnostic(
  file: string,
  code: string,
  message: string,
  position: Position = { line: 1, column: 1 },
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { code, severity, file, line: position.line, column: position.column, message };
}

const YAML_CODES: Record<string, [code: string, advice: string]> = {
  DUPLICATE_KEY: ['yaml/duplicate-key', 'keep only one of them'],
  TAB_AS_INDENT: ['yaml/tab-indent', 'indent with spaces, not tabs'],
  BAD_INDENT: ['yaml/indentation', 'line the key up with the others at its level'],
  MISSING_CHAR: ['yaml/syntax', 'check for an unclosed quote or bracket'],
  BAD_SCALAR_START: ['yaml/syntax', 'quote the value if it starts with a special character'],
  MULTILINE_IMPLICIT_KEY: [
    'yaml/syntax',
    'check the indentation and that every key ends with a colon',
  ],
  UNEXPECTED_TOKEN: ['yaml/syntax', 'check the indentation and punctuation on this line'],
  BLOCK_AS_IMPLICIT_KEY: ['yaml/syntax', 'check the indentation on this line'],
};

/** Where an unclosed quote opened: the last line before `offset` with an odd number of that quote mark. */
function openingQuote(text: string, offset: number, quote: string): number | undefined {
  const lines = text.slice(0, offset).split('\n');
  let lineStart = offset - (lines[lines.length - 1] as string).length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    const body = line.replace(/\s#.*$/, '');
    const count = body.split(quote).length - 1;
    if (count % 2 === 1) return lineStart + body.lastIndexOf(quote, body.length);
    lineStart -= (lines[i - 1]?.length ?? 0) + 1;
  }
  return undefined;
}

export function yamlErrorDiagnostic(
  file: string,
  error: YAMLParseError,
  lineCounter: LineCounter,
  text: string,
): Diagnostic {
  let [code, advice] = YAML_CODES[error.code] ?? [
    'yaml/syntax',
    'check the YAML syntax on this line',
  ];
  const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  let detail = error.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same mapping' : first;
  let offset = error.pos[0];
  const quote = /Missing closing (["'])quote/.exec(first)?.[1];
  if (/call stack/i.test(first)) {
    return fileDiagnostic(
      file,
      'yaml/too-deep',
      'YAML is nested too deeply to read; evidence files need only a few levels',
    );
  }
  const mistake = commonMistake(error.code, first, offset, text);
  if (mistake) {
    return fileDiagnostic(
      file,
      mistake.code,
      `YAML cannot be read: ${mistake.message}`,
      offsetToPosition(lineCounter, mistake.offset),
    );
  }
  if (quote) {
    detail = `a ${quote === '"' ? 'double' : 'single'} quote opened here is never closed`;
    advice = `close it, or remove it if the value needs no quotes`;
    offset = openingQuote(text, offset, quote) ?? offset;
  } else if (/without - indicator|at the same column/.test(first)) {
    [code, advice] = ['yaml/indentation', 'line the key up with the others at its level'];
    detail = 'this line is not indented like the lines around it';
  }
  return fileDiagnostic(
    file,
    code,
    `YAML cannot be read: ${detail}; ${advice}`,
    offsetToPosition(lineCounter, offset),
  );
}
