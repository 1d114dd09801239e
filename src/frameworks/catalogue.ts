import { join } from 'node:path';
import type { Framework, FrameworkId, GroupDef, StatementDef, Category } from '../model/index.js';
import { loadDataFile } from '../schema/data-file.js';
import { clearMatch, nearest } from '../schema/suggest.js';
import { packagePath } from '../base/paths.js';

/** The rubrics/ folder shipped with the tool. */
export const SHIPPED_RUBRICS = packagePath('rubrics');

interface FrameworkFile {
  id: FrameworkId;
  title: string;
  groupNoun: string;
  groups: {
    id: string;
    title: string;
    aliases?: string[];
    statements: Omit<StatementDef, 'group'>[];
  }[];
}

/** Lower-case, apostrophes dropped, everything else that is not a letter or digit folded to one hyphen. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface Catalogue extends Framework {
  byId: Map<string, StatementDef>;
  /** Resolves an id, title or alias (case and punctuation ignored). */
  resolve(name: string): StatementDef | undefined;
  /** The nearest known id or title, for "did you mean". */
  suggest(name: string): string | undefined;
  /** The id of the one statement a misspelt name clearly means, for `--fix`; undefined when unclear. */
  clearMatch(name: string): string | undefined;
}

const cache = new Map<FrameworkId, Catalogue>();

export function loadFramework(id: FrameworkId): Catalogue {
  const hit = cache.get(id);
  if (hit) return hit;
  const data = loadDataFile<FrameworkFile>(
    join(SHIPPED_RUBRICS, 'frameworks', `${id}.yaml`),
    'framework',
    'framework catalogue',
  ).value;
  const statements: StatementDef[] = [];
  const groups: GroupDef[] = [];
  for (const group of data.groups) {
    groups.push({
      id: group.id,
      title: group.title,
      statements: group.statements.map((s) => s.id),
    });
    for (const statement of group.statements) {
      statements.push({
        ...statement,
        categories: [...statement.categories] as Category[],
        group: group.id,
      });
    }
  }
  const byId = new Map(statements.map((s) => [s.id, s]));
  const names = new Map<string, StatementDef>();
  for (const statement of statements) {
    for (const name of [statement.id, statement.title, ...statement.aliases]) {
      names.set(normaliseName(name), statement);
    }
  }
  const candidates = [...names.keys()];
  const catalogue: Catalogue = {
    id: data.id,
    title: data.title,
    groupNoun: data.groupNoun,
    groups,
    statements,
    byId,
    resolve: (name) => names.get(normaliseName(name)),
    suggest(name) {
      const key = nearest(normaliseName(name), candidates);
      return key === undefined ? undefined : names.get(key)?.id;
    },
    clearMatch(name) {
      const idOf = (key: string): string => names.get(key)?.id ?? key;
      const key = clearMatch(normaliseName(name), candidates, idOf);
      return key === undefined ? undefined : idOf(key);
    },
  };
  cache.set(id, catalogue);
  return catalogue;
}
