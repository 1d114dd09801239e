import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { Condition, FrameworkId, Rubric, Rule, TextCondition } from '../model/index.js';
import { SHIPPED_RUBRICS } from '../frameworks/catalogue.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import { loadDataFile } from '../schema/data-file.js';
import { compileTextCondition } from './operators/text.js';

/** The rules that apply to each statement of one framework. */
export interface RuleSet {
  framework: FrameworkId;
  /** Rules for this statement, then the shared cue rules. */
  forStatement(statement: string): Rule[];
  /** Every rule, in load order, for listings. */
  all: Rule[];
  files: string[];
}

function yamlFilesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'frameworks') walk(path);
      } else if (/\.ya?ml$/i.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Line of each rule's `id:` key, found by one text scan rather than a syntax tree. */
function ruleLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = /^[ \t-]*id:\s*['"]?([^'"\s#]+)/.exec(line);
    if (match && !lines.has(match[1] as string)) lines.set(match[1] as string, index + 1);
  });
  return lines;
}

/** Compiles every regular expression up front, so a bad pattern stops the run at load time, naming its rule. */
function compileConditions(condition: Condition, fail: (message: string) => never): void {
  const [key, value] = Object.entries(condition)[0] as [string, unknown];
  if (key === 'all' || key === 'any')
    (value as Condition[]).forEach((child) => compileConditions(child, fail));
  else if (key === 'not') compileConditions(value as Condition, fail);
  else if (key === 'text') {
    try {
      compileTextCondition(value as TextCondition);
    } catch (error) {
      fail(`a text pattern is not a valid regular expression (${(error as Error).message})`);
    }
  }
}

/**
 * Loads the shipped rubrics of a framework, then any extra rubric folders:
 * a rule whose id is already known replaces it, others are added.
 */
export function loadRules(catalogue: Catalogue, extraDirs: readonly string[] = []): RuleSet {
  const byStatement = new Map<string, Map<string, Rule>>();
  const files: string[] = [];
  const sources = [
    join(SHIPPED_RUBRICS, 'cues.yaml'),
    ...yamlFilesBelow(join(SHIPPED_RUBRICS, catalogue.id)),
    ...extraDirs.flatMap((dir) => {
      try {
        return statSync(dir).isDirectory() ? yamlFilesBelow(dir) : [dir];
      } catch {
        throw new FatalError(`rubric folder ${dir} does not exist`);
      }
    }),
  ];
  const owner = new Map<string, string>();
  for (const path of sources) {
    const data = loadDataFile<Rubric>(path, 'rubric', 'rubric');
    const rubric = data.value;
    if (rubric.framework && rubric.framework !== 'any' && rubric.framework !== catalogue.id)
      continue;
    files.push(data.file);
    const statement = rubric.statement === '*' ? '*' : catalogue.resolve(rubric.statement)?.id;
    if (!statement) {
      throw new FatalError(`rubric ${data.file} is not valid`, [
        {
          code: 'rubric/unknown-statement',
          severity: 'error',
          file: data.file,
          ...data.positionOf(['statement']),
          message: `"${rubric.statement}" is not a ${catalogue.id} quality statement`,
        },
      ]);
    }
    const rules = byStatement.get(statement) ?? new Map<string, Rule>();
    byStatement.set(statement, rules);
    const lines = ruleLines(data.text);
    rubric.rules.forEach((rule, index) => {
      const fail = (message: string): never => {
        throw new FatalError(`rubric ${data.file} is not valid`, [
          {
            code: 'rubric/rule',
            severity: 'error',
            file: data.file,
            ...data.positionOf(['rules', index]),
            message: `rule "${rule.id}": ${message}`,
          },
        ]);
      };
      const line = lines.get(rule.id) ?? 1;
      compileConditions(rule.when, fail);
      const previous = owner.get(rule.id);
      if (previous !== undefined && previous !== statement)
        fail(`id is already used by a rule for "${previous}"`);
      owner.set(rule.id, statement);
      rules.set(rule.id, { ...rule, origin: { file: data.file, line } });
    });
  }
  const cues = [...(byStatement.get('*')?.values() ?? [])];
  const cache = new Map<string, Rule[]>();
  return {
    framework: catalogue.id,
    files,
    all: [...byStatement.values()].flatMap((rules) => [...rules.values()]),
    forStatement(id) {
      let rules = cache.get(id);
      if (!rules) {
        rules = [...(byStatement.get(id)?.values() ?? []), ...cues];
        cache.set(id, rules);
      }
      return rules;
    },
  };
}
