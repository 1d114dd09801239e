import type { ScoreResult } from '../model/index.js';
import type { Formatter } from './types.js';

/** The whole result, versioned by `schemaVersion`; see `cqc-score schema --result`. */
export const json: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;

/** Arrays longer than this are written in runs of this many elements. */
const RUN = 64;

/**
 * `value` pretty-printed as if it sat `depth` levels deep in a larger
 * document: JSON.stringify indents it natively inside `depth` wrapping arrays,
 * and the wrappers' own lines are cut off again.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  if (depth === 0) return text;
  // Wrapper d (from 0) adds "[\n" and its indent of 2d spaces before the value,
  // and "\n", that indent and "]" after it: 2d + 2 characters each side, plus
  // the value's own indent of 2 × depth before it.
  const wrappers = depth * (depth + 1);
  return text.slice(wrappers + 2 * depth, text.length - wrappers);
}

/** Whether a value is worth opening up rather than writing in one piece. */
function isLarge(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > RUN || value.some(isLarge);
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    if (isLarge((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The lines of `value` at `depth` (its first line not indented), in pieces of bounded size. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (!isLarge(value)) {
    yield nested(value, depth);
    return;
  }
  const inner = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    yield '[\n';
    for (let i = 0; i < value.length; i += RUN) {
      const run = value.slice(i, i + RUN);
      if (run.length === 1 || run.some(isLarge)) {
        for (let j = 0; j < run.length; j++) {
          yield inner;
          yield* pieces(run[j] === undefined ? null : run[j], depth + 1);
          yield i + j < value.length - 1 ? ',\n' : '\n';
        }
      } else {
        // A run of small elements: one native call, cut out of its wrapping array.
        const text = nested(run, depth);
        yield `${inner}${text.slice(2 + inner.length, text.length - (depth * 2 + 2))}${i + RUN < value.length ? ',' : ''}\n`;
      }
    }
    yield `${'  '.repeat(depth)}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  yield '{\n';
  for (let e = 0; e < entries.length; e++) {
    const [key, v] = entries[e] as [string, unknown];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* pieces(v, depth + 1);
    yield e < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${'  '.repeat(depth)}}`;
}

/**
 * The same text as `json`, in pieces: a large repository's result is written
 * a few dozen items at a time instead of being built as one string first.
 */
export function* jsonChunks(result: ScoreResult): Generator<string> {
  yield* pieces(result, 0);
  yield '\n';
}
