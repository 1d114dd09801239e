/**
 * The part of the evidence JSON Schema that names quality statements, written
 * from the catalogues (npm run evidence-schema; a test fails while the schema
 * file disagrees). Editors that read the schema (yaml-language-server)
 * complete statement ids, titles and aliases from the enum. Names are matched
 * ignoring case and punctuation, so any non-empty text stays valid here: the
 * text branch comes first, so validation never walks the enum, and the
 * statement check proper (unknown-statement) names the nearest statement.
 */
import type { FrameworkId } from '../model/index.js';
import { loadFramework } from './catalogue.js';

const FRAMEWORKS: FrameworkId[] = ['local-authority', 'provider'];

/** Every statement's id, title and aliases, framework by framework, each once. */
export function statementNames(): string[] {
  const names = new Set<string>();
  for (const framework of FRAMEWORKS)
    for (const s of loadFramework(framework).statements)
      for (const name of [s.id, s.title, ...s.aliases]) names.add(name);
  return [...names];
}

/** A statement name's schema: any non-empty text, or (for completion) one of the names. */
export function statementNameSchema(description: string): object {
  return {
    description: `${description} Case and punctuation are ignored, so other spellings are accepted here and checked by cqc-score.`,
    anyOf: [{ type: 'string', minLength: 1 }, { enum: statementNames() }],
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
