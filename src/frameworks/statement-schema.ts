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

export function statementNameSchema(): object {
  return {
    description:
      'A quality statement of either framework: its id, title or one of its aliases (case and punctuation are ignored, so other spellings are accepted and checked by cqc-score).',
    anyOf: [{ type: 'string', minLength: 1 }, { enum: statementNames() }],
  };
}
