import { yamlLib } from '../load/yaml-lib.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FatalError } from '../base/errors.js';
import { displayPath, packagePath, packageRequire } from '../base/paths.js';
import type { Diagnostic } from '../model/index.js';
import { treeLocator } from '../load/positions.js';
import { PARSE_OPTIONS, parseEvidenceFile } from '../load/parse.js';
import { DEFAULT_INPUT_LIMIT, readInput, unreadReason } from '../load/read-input.js';
import { decodeText, YAML_TEXT } from '../load/decode.js';
import type { Expected } from '../load/decode.js';
import { schemas, validator } from './ajv.js';
import type { SchemaName } from './ajv.js';
import { translateAjvErrors } from './ajv-errors.js';

/** A parsed data file (rubric, framework, configuration) with a way to find lines. */
export interface DataFile<T> {
  value: T;
  file: string;
  text: string;
  /** Line of the node at `path` (1-based). */
  lineOf(path: (string | number)[]): number;
  /** Line and column of the node at `path` (1-based). */
  positionOf(path: (string | number)[]): { line: number; column: number };
}

/**
 * The text of one input the run cannot go on without (configuration, rubric,
 * baseline): read and decoded like evidence (never blocking, never over
 * `limit`, UTF-8 only, a byte order mark dropped, UTF-16 named as such), and
 * any failure fatal, naming the file and what to do.
 */
export function readDataText(
  path: string,
  what: string,
  limit: number,
  expected: Expected = YAML_TEXT,
): string {
  const outcome = readInput(path, limit);
  if (outcome.kind !== 'read') {
    const advice =
      outcome.kind === 'too-large' ? '; raise --max-file-bytes if it should be read' : '';
    throw new FatalError(
      `${displayPath(path)}: cannot read ${what}: ${unreadReason(outcome, limit)}${advice}`,
    );
  }
  const file = displayPath(path);
  const decoded = decodeText(file, outcome.bytes, expected);
  if (decoded.text === undefined)
    throw new FatalError(`${what} ${file} cannot be read`, [decoded.diagnostic]);
  return decoded.text;
}

/**
 * Reads and validates one of the tool's own data files. Any problem is fatal:
 * the run cannot go on with a broken rubric or configuration.
 */
export function loadDataFile<T>(
  path: string,
  schema: SchemaName,
  what: string,
  limit: number = DEFAULT_INPUT_LIMIT,
): DataFile<T> {
  const file = displayPath(path);
  const text = readDataText(path, what, limit);
  const prebuilt = prebuiltValue(path, text);
  if (prebuilt !== undefined) {
    return {
      value: prebuilt as T,
      file,
      text,
      lineOf: (p) => locateIn(text, p).line,
      positionOf: (p) => locateIn(text, p),
    };
  }
  // Read exactly as evidence files are: the same parser, schema and guards.
  const parsed = parseEvidenceFile(file, Buffer.from(text));
  const problems = [...parsed.diagnostics];
  if (problems.length === 0 && parsed.docs.length > 1)
    problems.push({
      code: 'yaml/syntax',
      severity: 'error',
      file,
      ...parsed.locator.locate(1, []),
      message: `a ${what} file holds one YAML document; remove the second`,
    });
  if (problems.length > 0) throw new FatalError(`${what} ${file} cannot be read`, problems);
  const value = parsed.docs[0];
  const locate = (path: (string | number)[], atKey?: boolean): { line: number; column: number } =>
    parsed.locator.locate(0, path, atKey);
  const validate = validator(schema);
  if (!validate(value ?? {})) {
    const problems = translateAjvErrors(
      validate.errors ?? [],
      value,
      schemas[schema],
      'a mapping of keys to values',
    ).map<Diagnostic>((pending) => ({
      code: pending.code,
      severity: 'error',
      file,
      ...locate(pending.path, pending.atKey),
      message: pending.message,
    }));
    throw new FatalError(`${what} ${file} is not valid`, problems);
  }
  return {
    value: (value ?? {}) as T,
    file,
    text,
    lineOf: (p) => locate(p).line,
    positionOf: (p) => locate(p),
  };
}

function locateIn(text: string, path: (string | number)[]): { line: number; column: number } {
  const lineCounter = new (yamlLib().LineCounter)();
  const document = yamlLib().parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  return treeLocator([document], lineCounter).locate(0, path);
}

const SHIPPED = packagePath('rubrics');

/**
 * The build parses and validates each shipped rubric once and stores it in
 * dist/data/rubrics/<file>.json; a file whose text is unchanged since the
 * build is taken from there. An edited or added file, or any file outside the
 * shipped rubrics, is read the ordinary way.
 */
function prebuiltValue(path: string, text: string): unknown {
  const rel = relative(SHIPPED, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  let entry: { text: string; value: unknown } | undefined;
  try {
    entry = packageRequire(`./dist/data/rubrics/${rel.split(sep).join('/')}.json`) as {
      text: string;
      value: unknown;
    };
  } catch {
    return undefined;
  }
  return entry.text === text ? entry.value : undefined;
}
