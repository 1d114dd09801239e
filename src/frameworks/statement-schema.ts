/**
 * The part of the evidence JSON Schema that names quality statements, written
 * from the catalogues (npm run evidence-schema; a test fails while the schema
 * file disagrees). Editors that read the schema (yaml-language-server)
 * complete statement ids, titles and aliases from the enum, and flag a name
 * that is none of them through the pattern: it accepts exactly the texts
 * that name a statement once case and punctuation are ignored, as the
 * catalogue's `resolve` does. cqc-score itself leaves a failed pattern
 * unreported (src/schema/ajv-errors.ts): the statement check proper
 * (unknown-statement) names the nearest statement and carries the fix.
 */
import { FRAMEWORK_IDS } from '../model/index.js';
import { loadFramework, normaliseName } from './catalogue.js';

/** Every statement's id, title and aliases, framework by framework, each once. */
export function statementNames(): string[] {
  const names = new Set<string>();
  for (const framework of FRAMEWORK_IDS)
    for (const s of loadFramework(framework).statements)
      for (const name of [s.id, s.title, ...s.aliases]) names.add(name);
  return [...names];
}

/** Apostrophes are dropped, so they may stand between any two letters or digits of a name. */
const APOSTROPHES = "['’`]*";
/** Between the words of a name: a run of anything but letters and digits, not apostrophes alone. */
const BETWEEN_WORDS = "['’`]*[^A-Za-z0-9'’`][^A-Za-z0-9]*";
/** A letter in either case. */
const letter = (c: string): string => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c);

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/** One alternative per branch of the trie of normalised names, so shared beginnings are written once. */
function alternatives(node: Trie, afterLetter: boolean): string {
  const parts = [...node.next].map(([c, child]) =>
    c === '-'
      ? BETWEEN_WORDS + alternatives(child, false)
      : (afterLetter ? APOSTROPHES : '') + letter(c) + alternatives(child, true),
  );
  if (parts.length === 0) return '';
  const joined = parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  return node.end ? `(?:${joined})?` : joined;
}

/**
 * The texts that normalise (as `normaliseName` does: lower case, apostrophes
 * dropped, other runs of punctuation and spaces made one hyphen, trimmed) to
 * the normalised form of one of `names`. Letters outside ASCII count as
 * punctuation, as they do there, except two that lower-case to ASCII there
 * (the Kelvin sign to k, İ to i and a mark) and are punctuation here: only
 * an editor could tell the difference, since cqc-score does not report this
 * pattern.
 */
export function statementNamePattern(names: readonly string[] = statementNames()): string {
  const root: Trie = { end: false, next: new Map() };
  for (const name of new Set(names.map(normaliseName))) {
    let node = root;
    for (const c of name) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return `^[^A-Za-z0-9]*${alternatives(root, false)}[^A-Za-z0-9]*$`;
}

/** A statement name's schema: one of the names in any case and punctuation, and (for completion) the names as written. */
export function statementNameSchema(description: string): object {
  return {
    description: `${description} Case and punctuation are ignored.`,
    anyOf: [
      {
        type: 'string',
        minLength: 1,
        pattern: statementNamePattern(),
        patternErrorMessage:
          'Not a quality statement of either CQC framework. Run "cqc-score validate" for the nearest one ("--fix" corrects a clear misspelling), or "cqc-score rubrics" to list them.',
      },
      { enum: statementNames() },
    ],
  };
}

export const STATEMENT_DESCRIPTIONS = {
  document: 'Default quality statement (id, title or alias) for every item in this document.',
  item: 'The quality statement this item is evidence for (id, title or alias).',
  items: 'One quality statement (id, title or alias).',
} as const;

interface EvidenceSchema {
  properties: { statement: object };
  definitions: { item: { properties: { statement: object; statements: { items: object } } } };
}

/**
 * Writes the statement names into every place the evidence schema names a
 * statement. They are written out at each place, not shared through a
 * `$ref`: Ajv inlines an item's schema only while it holds no `$ref`, and a
 * referenced item schema copies its errors list per item, which is slow
 * for files with thousands of broken items.
 */
export function withStatementNames<T extends object>(schema: T): T {
  const s = schema as unknown as EvidenceSchema;
  s.properties.statement = statementNameSchema(STATEMENT_DESCRIPTIONS.document);
  s.definitions.item.properties.statement = statementNameSchema(STATEMENT_DESCRIPTIONS.item);
  s.definitions.item.properties.statements.items = statementNameSchema(
    STATEMENT_DESCRIPTIONS.items,
  );
  return schema;
}
