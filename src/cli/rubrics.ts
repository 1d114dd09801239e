import type { Command } from 'commander';
import { terminalLine } from '../report/escape.js';
import { Option } from 'commander';
import { FatalError } from '../base/errors.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type { FrameworkId } from '../model/index.js';
import { loadRules } from '../score/index.js';
import { EXIT } from './io.js';
import type { MainOptions } from './io.js';
import { failureLine, testRule } from '../score/rule-test.js';
import { resolve, sep } from 'node:path';
import { collect } from './options.js';

/** `cqc-score rubrics [STATEMENT]`: the frameworks, their statements, and the rules for one statement. */
export function rubricsCommand(
  program: Command,
  options: MainOptions,
  exit: (code: number) => void,
): void {
  program
    .command('rubrics')
    .description('List the frameworks and statements, or the rules for one statement')
    .argument('[statement]', 'statement id, title or alias')
    .addOption(
      new Option('--framework <name>', 'framework').choices(['provider', 'local-authority']),
    )
    .option('--rubrics <dir>', 'extra rubric folder (repeatable)', collect, [])
    .option('--test <dir>', 'run the examples of every rule in this rubric folder')
    .action(
      (
        name: string | undefined,
        flags: { framework?: FrameworkId; rubrics: string[]; test?: string },
      ) => {
        const out: string[] = [];
        const frameworks: FrameworkId[] = flags.framework
          ? [flags.framework]
          : ['local-authority', 'provider'];
        if (flags.test !== undefined) {
          exit(testFolder(flags.test, frameworks, options));
          return;
        }
        if (name === undefined) {
          for (const id of frameworks) {
            const catalogue = loadFramework(id);
            const rules = loadRules(catalogue, flags.rubrics);
            out.push(`${catalogue.title} (${id}): ${catalogue.statements.length} statements`);
            for (const group of catalogue.groups) {
              out.push(`  ${group.title}`);
              for (const sid of group.statements) {
                const own = rules.forStatement(sid).filter((r) => !r.id.startsWith('cue/')).length;
                out.push(`    ${sid.padEnd(52)} ${own} rules`);
              }
            }
            out.push('');
          }
          options.stdout.write(`${out.map(terminalLine).join('\n')}`);
          return;
        }
        const matches = frameworks
          .map((id) => ({ catalogue: loadFramework(id) }))
          .filter(({ catalogue }) => catalogue.resolve(name));
        if (matches.length === 0)
          throw new FatalError(
            `"${name}" is not a quality statement; run "cqc-score rubrics" to list them`,
          );
        for (const { catalogue } of matches) {
          const def = catalogue.resolve(name)!;
          out.push(
            `${def.title} (${def.id}), ${catalogue.id}`,
            `  ${def.description}`,
            `  aliases: ${def.aliases.join('; ') || 'none'}`,
            `  expected categories: ${def.categories.join(', ')}`,
            '',
          );
          for (const rule of loadRules(catalogue, flags.rubrics).forStatement(def.id)) {
            out.push(
              `  ${rule.id} [${rule.effect}]${rule.indicator ? ` (${rule.indicator})` : ''}`,
              `    ${rule.finding}`,
            );
          }
          out.push('');
        }
        options.stdout.write(`${out.map(terminalLine).join('\n')}`);
      },
    );
}

/**
 * `rubrics --test DIR`: checks the folder's rubrics as a run would (schema,
 * patterns, statements), then runs each rule's examples. 1 when any fails.
 */
function testFolder(dir: string, frameworks: FrameworkId[], options: MainOptions): number {
  const root = resolve(dir);
  const tested = new Map<string, ReturnType<typeof testRule>>();
  let examples = 0;
  for (const id of frameworks) {
    for (const rule of loadRules(loadFramework(id), [dir]).all) {
      const origin = rule.origin ? resolve(rule.origin.file) : '';
      if (tested.has(rule.id) || !(origin === root || origin.startsWith(root + sep))) continue;
      tested.set(rule.id, testRule(rule));
      examples += (rule.examples?.fire.length ?? 0) + (rule.examples?.quiet.length ?? 0);
    }
  }
  const failures = [...tested.values()].flat();
  for (const failure of failures) options.stdout.write(`${terminalLine(failureLine(failure))}\n`);
  options.stdout.write(
    `${tested.size} rules, ${examples} examples: ${failures.length === 0 ? 'all pass' : `${failures.length} failing`}\n`,
  );
  return failures.length === 0 ? EXIT.ok : EXIT.failed;
}
