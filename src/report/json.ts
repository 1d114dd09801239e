import type { ScoreResult } from '../model/index.js';
import type { Formatter } from './types.js';

/** The whole result, versioned by `schemaVersion`; see `cqc-score schema --result`. */
export const json: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;

function indent(text: string, spaces: string): string {
  return text.replace(/\n/g, `\n${spaces}`);
}

/**
 * The same text as `json`, in pieces: a large repository's result is written
 * a statement at a time instead of being built as one string first.
 */
export function* jsonChunks(result: ScoreResult): Generator<string> {
  const entries = Object.entries(result).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (let e = 0; e < entries.length; e++) {
    const [key, value] = entries[e] as [string, unknown];
    const comma = e < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let i = 0; i < value.length; i++) {
        yield `    ${indent(JSON.stringify(value[i], null, 2), '    ')}${i < value.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${comma}\n`;
    }
  }
  yield '}\n';
}
