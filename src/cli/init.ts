/**
 * `cqc-score init [DIR]`: scaffolds an evidence repository for one framework:
 * configuration, one commented example file per statement, a README for the
 * people who fill it in, a copy of the evidence schema for editors, and an
 * example CI workflow. It never overwrites: if any file exists, nothing is written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { FatalError } from '../base/errors.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import type { FrameworkId, StatementDef } from '../model/index.js';
import { schemas } from '../schema/ajv.js';
import { VERSION } from '../base/version.js';
import { packageRequire } from '../base/paths.js';
import type { MainOptions } from './io.js';
import { EXIT } from './io.js';

export interface InitOptions {
  framework: FrameworkId;
  /** YYYY-MM-DD written to cqc-score.yaml; the examples' dates use it too. */
  asOf?: string;
  /** Today, for example dates when no as-of is given. */
  today: string;
}

/** Text wrapped at 78 columns: `first` before the first line, `indent` before the others. */
function wrapText(text: string, first: string, indent = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > 78) {
      lines.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

function comment(text: string): string[] {
  return wrapText(text, '# ');
}

function para(text: string): string[] {
  return /^[0-9]+\. /.test(text) ? wrapText(text, '', '   ') : wrapText(text, '');
}

function config(options: InitOptions): string {
  return [
    '# cqc-score configuration: see README.md',
    `framework: ${options.framework}`,
    options.asOf
      ? `as-of: ${options.asOf}`
      : '# as-of: YYYY-MM-DD      # the date evidence age is judged from (default: today)',
    'stale-after-months: 24     # older evidence is reported as stale and left out of scores',
    '',
  ].join('\n');
}

function exampleFile(statement: StatementDef, catalogue: Catalogue, date: string): string {
  const group = catalogue.groups.find((g) => g.id === statement.group)?.title ?? statement.group;
  return [
    '# yaml-language-server: $schema=../../schemas/evidence.schema.json',
    `# ${statement.title} (${catalogue.groupNoun}: ${group})`,
    '#',
    ...comment(statement.description),
    '#',
    ...comment(`Evidence categories CQC usually expects here: ${statement.categories.join(', ')}.`),
    '#',
    ...comment(
      'Replace the example below with your own evidence and remove the leading "# " from each line. ' +
        'Add as many items as you have; an item may serve several statements with "statements: [...]". ' +
        'Until it holds evidence, cqc-score warns that this file is empty.',
    ),
    '#',
    `# statement: ${statement.id}`,
    '# evidence:',
    `#   - title: One line naming the evidence`,
    `#     category: ${statement.categories[0] ?? 'processes'}`,
    '#     summary: >-',
    '#       What the evidence shows, in plain words: who said or did what, how',
    '#       many, and what changed as a result. No names of people who use',
    '#       services.',
    `#     date: ${date}`,
    '#     source: Where it came from (survey, audit, interview, data set)',
    '#     judgement: strength   # optional: exceptional, strength, shortfall, significant-shortfall',
    '',
  ].join('\n');
}

function readme(catalogue: Catalogue, files: Map<string, StatementDef>): string {
  const rows = [...files].flatMap(([path, s]) => wrapText(`${s.title}: \`${path}\``, '- ', '  '));
  return [
    `# CQC evidence: ${catalogue.title}`,
    '',
    ...para(
      'This folder holds the evidence for a CQC assessment, one YAML file per quality statement. cqc-score reads it, checks it and suggests a score from 1 to 4 for each statement, with the findings, gaps and stale evidence behind it.',
    ),
    '',
    '## How to add evidence',
    '',
    ...para(
      '1. Open the file for the statement (below). Each file explains what the statement covers and holds a commented example.',
    ),
    ...para(
      '2. Write one item per piece of evidence: a title, a category, a plain-words summary, the date it was collected and where it came from. Remove the leading "# " from the example lines.',
    ),
    ...para(
      '3. Never write the names or details of people who use services; cqc-score reports personal data it finds.',
    ),
    ...para(
      '4. Check your work with `npx cqc-score validate .` and see the suggested scores with `npx cqc-score .`.',
    ),
    '',
    ...para(
      'Editors with the YAML language server (VS Code with the Red Hat YAML extension) check each file as you type against `schemas/evidence.schema.json`. After upgrading cqc-score, refresh that copy with this command:',
    ),
    '',
    '```sh',
    'npx cqc-score schema > schemas/evidence.schema.json',
    '```',
    '',
    '## Statements',
    '',
    ...rows,
    '',
    '## In CI',
    '',
    ...para(
      "`.github/workflows/cqc-score.yml` runs cqc-score on every push and pull request with its GitHub Action, adds the Markdown summary to the job page, uploads the SARIF report to code scanning and keeps the summary as an artifact. Set the action's `args` to `--fail-under 3` to fail the build when a statement scores below a good standard.",
    ),
    '',
    ...para('The scores are suggestions from your own evidence, not CQC scores or ratings.'),
    '',
  ].join('\n');
}

/** This package's own repository as an action reference (`owner/name@vVERSION`), from package.json. */
export function actionRef(): string {
  const { repository } = packageRequire('./package.json') as { repository: { url: string } };
  const name = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(repository.url)?.[1];
  if (!name) throw new Error(`package.json repository is not on GitHub: ${repository.url}`);
  return `${name}@v${VERSION}`;
}

function workflow(): string {
  return [
    '# Example workflow: scores the evidence on every push and pull request.',
    'name: cqc-score',
    'on:',
    '  push:',
    '  pull_request:',
    'permissions:',
    '  contents: read',
    '  security-events: write   # to upload SARIF to code scanning',
    'jobs:',
    '  score:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      # Writes cqc-score.sarif and cqc-score.md, adds the summary to the job page',
    '      # and annotates the evidence lines of a pull request.',
    '      - name: Score the evidence',
    `        uses: ${actionRef()}`,
    '        with:',
    '          path: .',
    '          args: ""   # for example "--fail-under 3" to fail below a good standard',
    '      - name: Upload SARIF',
    '        if: always()',
    '        uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    '          sarif_file: cqc-score.sarif',
    '      - name: Keep the Markdown summary',
    '        if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: cqc-score-summary',
    '          path: cqc-score.md',
    '',
  ].join('\n');
}

/** Every file `init` writes, by path relative to the target folder, in a stable order. */
export function scaffold(options: InitOptions): Map<string, string> {
  const catalogue = loadFramework(options.framework);
  const date = options.asOf ?? options.today;
  const files = new Map<string, string>();
  const examples = new Map<string, StatementDef>();
  files.set('cqc-score.yaml', config(options));
  for (const s of catalogue.statements) {
    const path = `evidence/${s.group}/${s.id}.yaml`;
    examples.set(path, s);
    files.set(path, exampleFile(s, catalogue, date));
  }
  files.set('schemas/evidence.schema.json', `${JSON.stringify(schemas.evidence, null, 2)}\n`);
  files.set('README.md', readme(catalogue, examples));
  files.set('.github/workflows/cqc-score.yml', workflow());
  return files;
}

/** Writes the scaffold into `dir`; refuses, writing nothing, when any of its files exists. */
export function writeScaffold(dir: string, files: Map<string, string>): string[] {
  const existing = [...files.keys()].filter((path) => existsSync(join(dir, path)));
  if (existing.length > 0) {
    throw new FatalError(
      `refusing to overwrite existing files in ${dir}: ${existing.join(', ')}; choose an empty folder or move them`,
    );
  }
  for (const [path, text] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, { flag: 'wx' });
  }
  return [...files.keys()];
}

export function initCommand(
  program: Command,
  options: MainOptions,
  exit: (code: number) => void,
): void {
  program
    .command('init')
    .description(
      'Create an evidence repository: configuration, one example file per statement, a README and a CI workflow',
    )
    .argument('[dir]', 'folder to create it in', '.')
    .addOption(
      new Option('--framework <name>', 'framework the evidence is for')
        .choices(['provider', 'local-authority'])
        .default('provider'),
    )
    .option('--as-of <date>', 'as-of date to write to cqc-score.yaml (YYYY-MM-DD)')
    .action((dir: string, flags: { framework: FrameworkId; asOf?: string }) => {
      if (flags.asOf !== undefined && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(flags.asOf))
        throw new FatalError(`--as-of must be YYYY-MM-DD, not "${flags.asOf}"`);
      const root = resolve(options.cwd ?? process.cwd(), dir);
      const today = new Date().toISOString().slice(0, 10);
      const written = writeScaffold(
        root,
        scaffold({
          framework: flags.framework,
          today,
          ...(flags.asOf ? { asOf: flags.asOf } : {}),
        }),
      );
      options.stdout.write(
        `Created ${written.length} files in ${relative(process.cwd(), root) || '.'}:\n${written.map((w) => `  ${w}\n`).join('')}`,
      );
      options.stdout.write(
        'Next: fill in the files under evidence/, then run "cqc-score validate" and "cqc-score".\n',
      );
      exit(EXIT.ok);
    });
}
