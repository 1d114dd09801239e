import type { ErrorObject } from 'ajv';
import type { PendingDiagnostic } from '../model/index.js';
import { clearMatch, didYouMean, nearest } from './suggest.js';

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of keys to values',
  array: 'a list',
};

function nameOf(path: (string | number)[], fallback = 'the document'): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return `"${segment}"`;
  }
  return fallback;
}

/**
 * A value as a message quotes it: whole when short, else cut short. The cut
 * never leaves part of a word or of a figure (digits and the separators
 * between them), so no fragment of personal data is left that the masking
 * of messages could not recognise.
 */
function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (text === undefined) return String(value);
  if (text.length <= 40) return text;
  let cut = text.slice(0, 37);
  if (!/\s/.test(text[37]!)) cut = cut.replace(/\S+$/, '');
  return `${cut.replace(/[\s\d().+/-]+$/u, '')}...`;
}

type SchemaNode = {
  $ref?: string;
  allOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
};

/** The schema that describes the value at an instance path (local `$ref`s and a lone `allOf` followed). */
function schemaAt(root: object, path: (string | number)[]): SchemaNode | undefined {
  const follow = (node: SchemaNode | undefined): SchemaNode | undefined => {
    for (let hops = 0; node && hops < 10; hops++) {
      if (node.$ref?.startsWith('#/'))
        node = node.$ref
          .slice(2)
          .split('/')
          .reduce<unknown>(
            (n, key) => (n as Record<string, unknown> | undefined)?.[key],
            root,
          ) as SchemaNode;
      else if (node.allOf?.length === 1 && !node.properties) node = node.allOf[0];
      else break;
    }
    return node;
  };
  let node = follow(root as SchemaNode);
  for (const segment of path) {
    if (!node) return undefined;
    const extra =
      typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    const own =
      node.properties && Object.hasOwn(node.properties, segment) ? node.properties[segment] : extra;
    node = follow(typeof segment === 'number' ? node.items : own);
  }
  return node;
}

/** Known keys at a schema location, for "did you mean" on unknown keys: the schema that holds the failed keyword. */
function knownKeys(error: ErrorObject, schema: object | undefined): string[] {
  let parent = error.parentSchema as unknown;
  // Without Ajv's verbose errors (as in the compiled validators), find the
  // object's schema from where the value is: a schema path is relative to
  // the referenced definition it failed in, not to the whole schema.
  if (parent === undefined && schema !== undefined)
    parent = schemaAt(schema, pointerToPath(error.instancePath));
  const properties = (parent as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** Where the evidence schema checks a statement name against the names (src/frameworks/statement-schema.ts). */
const STATEMENT_NAME_PATTERN = /\/properties\/(statement|statements\/items)\/anyOf\/0\/pattern$/;

/**
 * Turns Ajv's errors into plain-English pending diagnostics. One message per
 * place: when several errors point at the same path, the first wins.
 */
export function translateAjvErrors(
  errors: readonly ErrorObject[],
  value: unknown,
  schema?: object,
  /** What the whole document should be, for a document of the wrong shape. */
  documentShape = 'a mapping with an "evidence" list',
): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  const seen = new Set<string>();
  /** The key each schema/required diagnostic says is missing. */
  const missing = new Map<PendingDiagnostic, string>();
  /** The known key each schema/unknown-key diagnostic clearly stands for. */
  const meant = new Map<PendingDiagnostic, string>();
  const valueAt = (path: (string | number)[]): unknown =>
    path.reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key as string]
          : undefined,
      value,
    );

  for (const error of errors) {
    // Of a value that matches no branch of an `anyOf`, the first branch says
    // what it should be (for statement names: text); the rest are echoes.
    if (error.keyword === 'anyOf' || /\/anyOf\/[1-9]/.test(error.schemaPath)) continue;
    // A statement name that is text but names no statement fails the names'
    // pattern, which is there for editors: the statement check proper
    // (unknown-statement) reports it, with the nearest statement and a fix.
    if (error.keyword === 'pattern' && STATEMENT_NAME_PATTERN.test(error.schemaPath)) continue;
    const path = pointerToPath(error.instancePath);
    const here = valueAt(path);
    let diagnostic: PendingDiagnostic;
    switch (error.keyword) {
      case 'required': {
        const key = (error.params as { missingProperty: string }).missingProperty;
        diagnostic = {
          code: 'schema/required',
          path,
          message:
            path.length === 0
              ? `missing required key "${key}"; add it at the top of the document`
              : `missing required key "${key}"; add it to this item`,
        };
        missing.set(diagnostic, key);
        break;
      }
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const known = knownKeys(error, schema);
        diagnostic = unknownKeyDiagnostic(path, key, known, here);
        const to = clearMatch(key, known);
        if (to !== undefined) meant.set(diagnostic, to);
        break;
      }
      case 'type': {
        const expected = (error.params as { type: string }).type;
        const root = path.length === 0;
        diagnostic = {
          code: 'schema/type',
          path,
          message: root
            ? `the document must be ${documentShape}, not ${kindOf(here)}`
            : expected === 'array' && kindOf(here) === 'a mapping'
              ? `${nameOf(path)} must be a list, not a mapping: start each entry with "- " (write "- ${Object.keys(here as object)[0] ?? 'title'}:")`
              : `${nameOf(path)} must be ${TYPE_WORDS[expected] ?? expected}, not ${kindOf(here)}`,
        };
        break;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
        diagnostic = enumDiagnostic(path, here, allowed);
        break;
      }
      case 'pattern': {
        const name = nameOf(path);
        const what =
          name === '"date"' || name === '"as-of"'
            ? 'a date written YYYY-MM-DD, e.g. 2024-08-14'
            : name === '"id"'
              ? 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'
              : `text matching ${(error.params as { pattern: string }).pattern}`;
        diagnostic = {
          code: 'schema/format',
          path,
          message: `${name} must be ${what}, not ${show(here)}`,
        };
        break;
      }
      case 'minLength':
        diagnostic = { code: 'schema/empty', path, message: `${nameOf(path)} must not be empty` };
        break;
      case 'maxLength': {
        const limit = (error.params as { limit: number }).limit;
        diagnostic = {
          code: 'schema/too-long',
          path,
          message: `${nameOf(path)} is longer than ${limit} characters; shorten it and move detail to "summary"`,
        };
        break;
      }
      case 'minItems':
        diagnostic = {
          code: 'schema/empty',
          path,
          message: `${nameOf(path)} must list at least one entry`,
        };
        break;
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
        diagnostic = {
          code: 'schema/range',
          path,
          message: `${nameOf(path)} ${error.message ?? 'is out of range'}`,
        };
        break;
      case 'minProperties':
      case 'maxProperties':
        diagnostic = {
          code: 'schema/shape',
          path,
          message: `${nameOf(path, 'this condition')} must have exactly one key`,
        };
        break;
      case 'uniqueItems':
        diagnostic = {
          code: 'schema/duplicate',
          path,
          message: `${nameOf(path)} lists the same entry twice`,
        };
        break;
      default:
        diagnostic = {
          code: `schema/${error.keyword}`,
          path,
          message: `${nameOf(path)} ${error.message ?? 'is not valid'}`,
        };
    }
    const key = `${diagnostic.code} ${JSON.stringify(diagnostic.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return withoutEchoes(withoutClashes(out, meant), missing, meant);
}

/** Whether a mapping already has a key, so that renaming another onto it would make a duplicate. */
function holds(mapping: unknown, key: string): boolean {
  return mapping !== null && typeof mapping === 'object' && Object.hasOwn(mapping, key);
}

/**
 * An unknown key, with the nearest known key and, when one clearly matches,
 * the rename as a fix. A key already set in the same mapping is never the
 * fix: renaming onto it would turn a readable file into a duplicate key.
 */
function unknownKeyDiagnostic(
  path: (string | number)[],
  key: string,
  known: string[],
  mapping: unknown,
): PendingDiagnostic {
  const near = nearest(key, known);
  const to = clearMatch(key, known);
  const where = path.length === 0 ? 'in this document' : 'in this item';
  const advice =
    near !== undefined && holds(mapping, near)
      ? `; "${near}" is already set ${where}, so remove one of them`
      : didYouMean(key, known) || '; remove it or check the spelling';
  return {
    code: 'schema/unknown-key',
    path: [...path, key],
    atKey: true,
    message: `"${key}" is not a known key${advice}`,
    ...(to !== undefined && !holds(mapping, to) ? { fix: { from: key, to } } : {}),
  };
}

/**
 * Two unknown keys of one mapping that both clearly stand for the same key
 * (`sumary` and `summery`) cannot both be renamed to it, and which one to
 * keep is not clear: neither is fixed, and each message says so.
 */
function withoutClashes(
  found: PendingDiagnostic[],
  meant: Map<PendingDiagnostic, string>,
): PendingDiagnostic[] {
  const target = (d: PendingDiagnostic): string =>
    JSON.stringify([...d.path.slice(0, -1), meant.get(d)]);
  const renames = (d: PendingDiagnostic): boolean => d.fix !== undefined && meant.has(d);
  const groups = new Map<string, PendingDiagnostic[]>();
  for (const d of found) {
    if (!renames(d)) continue;
    groups.set(target(d), [...(groups.get(target(d)) ?? []), d]);
  }
  return found.map((d) => {
    const group = renames(d) ? (groups.get(target(d)) ?? []) : [];
    if (group.length < 2) return d;
    const key = String(d.path.at(-1));
    const others = group.filter((o) => o !== d).map((o) => `"${String(o.path.at(-1))}"`);
    const them =
      others.length === 1
        ? `it and ${others[0]} both look like "${meant.get(d)}", so rename one and remove the other`
        : `it, ${others.slice(0, -1).join(', ')} and ${others.at(-1)} all look like "${meant.get(d)}", so rename one and remove the others`;
    const clash: PendingDiagnostic = {
      code: d.code,
      path: d.path,
      atKey: true,
      message: `"${key}" is not a known key; ${them}`,
    };
    meant.set(clash, meant.get(d) as string);
    return clash;
  });
}

/** Same letters, case and separators aside: `Strength`, `Significant shortfall`. */
const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

function enumDiagnostic(
  path: (string | number)[],
  here: unknown,
  allowed: string[],
): PendingDiagnostic {
  const name = nameOf(path);
  const text = typeof here === 'string' ? here : undefined;
  const sameWord = text === undefined ? undefined : allowed.find((a) => fold(a) === fold(text));
  if (text !== undefined && sameWord !== undefined) {
    return {
      code: 'schema/enum',
      path,
      message: `${name} is written ${show(text)}; write it "${sameWord}" (lower case${sameWord.includes('-') ? ', words joined by "-"' : ''})`,
      fix: { from: text, to: sameWord },
    };
  }
  const near = text === undefined ? undefined : nearest(text, allowed);
  const to = text === undefined ? undefined : clearMatch(text, allowed);
  return {
    code: 'schema/enum',
    path,
    message: `${name} cannot be ${show(here)}; ${near ? `did you mean "${near}"? Use` : 'use'} one of: ${allowed.join(', ')}`,
    ...(text !== undefined && to ? { fix: { from: text, to } } : {}),
  };
}

/**
 * One mistake, one diagnostic: a misspelt required key (`sumary`) is an
 * unknown key whose nearest match is the missing one; the "missing" report
 * is its echo and is dropped.
 */
function withoutEchoes(
  found: PendingDiagnostic[],
  missing: Map<PendingDiagnostic, string>,
  meant: Map<PendingDiagnostic, string>,
): PendingDiagnostic[] {
  const renamed = new Set(
    found
      .filter((d) => meant.has(d))
      .map((d) => JSON.stringify([...d.path.slice(0, -1), meant.get(d)])),
  );
  return found.filter((d) => !renamed.has(JSON.stringify([...d.path, missing.get(d)])));
}
