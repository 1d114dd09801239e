import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { FatalError } from '../base/errors.js';
import { brokenLink } from '../base/paths.js';
import type { Condition, FrameworkId, Rubric, Rule, TextCondition } from '../model/index.js';
import { SHIPPED_RUBRICS } from '../frameworks/catalogue.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import { loadDataFile } from '../schema/data-file.js';
import { DEFAULT_INPUT_LIMIT } from '../load/read-input.js';
import { compileTextCondition } from './operators/text.js';
import { catastrophicBacktracking } from './regex-safety.js';

/** The rules that apply to each statement of one framework. */
export interface RuleSet {
  framework: FrameworkId;
  /** Rules for this statement, then the shared cue rules. */
  forStatement(statement: string): Rule[];
  /** Every rule, in load order, for listings. */
  all: Rule[];
  files: string[];
}

/**
 * Every YAML file below a rubric folder, sorted. Links are followed, but a
 * link that leads back to a folder it is in is a loop and stops the run, and
 * a folder or file reached twice is read once.
 */
function yamlFilesBelow(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (folder: string, ancestors: Map<string, string>): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      let real: string;
      let stats: Stats;
      try {
        real = realpathSync(path);
        stats = statSync(real);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP')
          throw new FatalError(
            `rubric folder ${dir}: ${path} is a link loop (ELOOP); remove the link`,
          );
        throw new FatalError(
          `rubric folder ${dir}: ${path} is a symbolic link that points nowhere, or cannot be read (${code ?? 'error'})`,
        );
      }
      if (stats.isDirectory()) {
        const loop = ancestors.get(real);
        if (loop !== undefined)
          throw new FatalError(
            `rubric folder ${dir}: ${path} is a link loop: it leads back to ${loop}, a folder it is in; remove the link`,
          );
        if (name === 'frameworks' || seen.has(real)) continue;
        seen.add(real);
        walk(path, new Map([...ancestors, [real, path]]));
      } else if (/\.ya?ml$/i.test(name) && !seen.has(real)) {
        seen.add(real);
        out.push(path);
      }
    }
  };
  const root = realpathSync(dir);
  seen.add(root);
  walk(dir, new Map([[root, dir]]));
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

type Path = (string | number)[];

/**
 * Compiles every regular expression up front, so a bad pattern stops the run
 * at load time, naming its rule, and refuses a pattern that could backtrack
 * catastrophically, pointing at the pattern itself.
 */
function compileConditions(
  condition: Condition,
  path: Path,
  fail: (message: string, at?: Path, code?: string) => never,
): void {
  const [key, value] = Object.entries(condition)[0] as [string, unknown];
  if (key === 'all' || key === 'any')
    (value as Condition[]).forEach((child, i) => compileConditions(child, [...path, key, i], fail));
  else if (key === 'not') compileConditions(value as Condition, [...path, key], fail);
  else if (key === 'text') {
    try {
      compileTextCondition(value as TextCondition);
    } catch (error) {
      fail(`a text pattern is not a valid regular expression (${(error as Error).message})`);
    }
    ((value as TextCondition).patterns ?? []).forEach((pattern, i) => {
      const why = catastrophicBacktracking(pattern);
      if (why)
        fail(
          `pattern ${JSON.stringify(pattern)} could make a run hang: ${why}; rewrite it without the nested or overlapping repetition`,
          [...path, key, 'patterns', i],
          'rubric/unsafe-pattern',
        );
    });
  }
}

/**
 * Loads the shipped rubrics of a framework, then any extra rubric folders:
 * a rule whose id is already known replaces it, others are added.
 */
export function loadRules(
  catalogue: Catalogue,
  extraDirs: readonly string[] = [],
  limit: number = DEFAULT_INPUT_LIMIT,
): RuleSet {
  const byStatement = new Map<string, Map<string, Rule>>();
  const files: string[] = [];
  const shipped = new Set([
    join(SHIPPED_RUBRICS, 'cues.yaml'),
    ...yamlFilesBelow(join(SHIPPED_RUBRICS, catalogue.id)),
  ]);
  const sources = [
    ...shipped,
    ...extraDirs.flatMap((dir) => {
      let stats: Stats;
      try {
        stats = statSync(dir);
      } catch {
        throw new FatalError(`rubric folder ${dir} ${brokenLink(dir) ?? 'does not exist'}`);
      }
      return stats.isDirectory() ? yamlFilesBelow(dir) : [dir];
    }),
  ];
  const owner = new Map<string, string>();
  for (const path of sources) {
    // The shipped rubrics are ours; the size limit is for the ones given with --rubrics.
    const data = loadDataFile<Rubric>(
      path,
      'rubric',
      'rubric',
      shipped.has(path) ? Infinity : limit,
    );
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
      const fail = (message: string, at: Path = [], code = 'rubric/rule'): never => {
        throw new FatalError(`rubric ${data.file} is not valid`, [
          {
            code,
            severity: 'error',
            file: data.file,
            ...data.positionOf(['rules', index, ...at]),
            message: `rule "${rule.id}": ${message}`,
          },
        ]);
      };
      const line = lines.get(rule.id) ?? 1;
      compileConditions(rule.when, ['when'], fail);
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
