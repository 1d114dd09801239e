import type { LineCounter } from 'yaml';
import { yamlLib } from '../load/yaml-lib.js';
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import jsyaml from 'js-yaml';
import type { Document } from 'yaml';
import { FatalError } from '../errors.js';
import { packagePath, packageRequire } from '../paths.js';
import type { Diagnostic } from '../model/index.js';
import { displayPath } from '../load/discover.js';
import { offsetToPosition, treeLocator } from '../load/positions.js';
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
 * Reads and validates one of the tool's own data files. Any problem is fatal:
 * the run cannot go on with a broken rubric or configuration.
 */
export function loadDataFile<T>(path: string, schema: SchemaName, what: string): DataFile<T> {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FatalError(
      `${file}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [],
      { cause: error },
    );
  }
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
  // The fast parser reads a good file; the exact one, with positions, is
  // built only when something needs a line number.
  let value: unknown;
  let exact: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parseExactly = (): { document: Document.Parsed; lineCounter: LineCounter } => {
    if (!exact) {
      const lineCounter = new (yamlLib().LineCounter)();
      exact = {
        document: yamlLib().parseDocument(text, {
          lineCounter,
          uniqueKeys: true,
          prettyErrors: false,
        }),
        lineCounter,
      };
    }
    return exact;
  };
  try {
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    const { document, lineCounter } = parseExactly();
    const diagnostics: Diagnostic[] = document.errors.map((error) => {
      const at = offsetToPosition(lineCounter, error.pos[0]);
      return {
        code: 'yaml/syntax',
        severity: 'error',
        file,
        ...at,
        message: `${what} is not valid YAML: ${error.message.split('\n')[0]}`,
      };
    });
    if (diagnostics.length > 0) throw new FatalError(`${what} ${file} cannot be read`, diagnostics);
    try {
      value = document.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (error) {
      throw new FatalError(`${what} ${file} cannot be read`, [
        {
          code: 'yaml/syntax',
          severity: 'error',
          file,
          line: 1,
          column: 1,
          message: `${what} is not valid YAML: ${(error as Error).message}`,
        },
      ]);
    }
  }
  const locate = (path: (string | number)[], atKey?: boolean): { line: number; column: number } => {
    const { document, lineCounter } = parseExactly();
    return treeLocator([document], lineCounter).locate(0, path, atKey);
  };
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
  const document = yamlLib().parseDocument(text, { lineCounter });
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
