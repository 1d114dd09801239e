import { Option } from 'commander';
import type { Command } from 'commander';
import { FatalError } from '../base/errors.js';
import type { RunOptions, Severity } from '../model/index.js';

/** Options shared by every command that reads an evidence folder. */
export function addRunOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--framework <name>', 'framework to score against').choices([
        'provider',
        'local-authority',
      ]),
    )
    .option(
      '--as-of <date>',
      'date evidence age is judged from (YYYY-MM-DD; default: cqc-score.yaml, then today)',
    )
    .option('--config <file>', 'configuration file to use instead of the nearest cqc-score.yaml')
    .option('--stale-after-months <n>', 'evidence older than this is stale')
    .addOption(
      new Option('--scoring <method>', 'statement scoring method').choices([
        'direct',
        'category-percentage',
      ]),
    )
    .addOption(
      new Option('--rounding <policy>', 'how fractional percentages round before banding').choices([
        'up',
        'nearest',
        'down',
      ]),
    )
    .option('--max-file-bytes <n>', 'refuse evidence files larger than this')
    .addOption(
      new Option('--privacy <level>', 'how personal data found in evidence is reported').choices([
        'error',
        'warn',
        'off',
      ]),
    )
    .option(
      '--rubrics <dir>',
      'extra rubric folder (repeatable): adds rules or replaces shipped ones by id',
      collect,
      [],
    )
    .option(
      '--ignore <pattern>',
      'skip files and folders matching this glob (repeatable; adds to "ignore:" in cqc-score.yaml)',
      collect,
      [],
    )
    .option('--gitignore', 'skip what .gitignore files ignore')
    .option('--allow-empty', 'finding no evidence files is not an error')
    .option('--stdin-filename <name>', 'the name standard input (the path -) goes by in messages')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a diagnostic is at or above this severity')
        .choices(['error', 'warn'])
        .default('error'),
    );
}

/** Options of the commands that report diagnostics and decide the exit status. */
export function addReportOptions(command: Command): Command {
  return command
    .option('--quiet', 'report errors only (and anything that fails the run)')
    .option('--max-warnings <n>', 'exit 1 when there are more than this many warnings')
    .option(
      '--print-config',
      'print the configuration these paths would use, and where each value came from, then stop',
    );
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new FatalError(`${flag} must be a whole number above 0, not "${value}"`);
  return Number(value);
}

export interface RawRunFlags {
  framework?: RunOptions['framework'];
  asOf?: string;
  config?: string;
  staleAfterMonths?: string;
  scoring?: RunOptions['scoring'];
  rounding?: RunOptions['rounding'];
  maxFileBytes?: string;
  rubrics?: string[];
  failOn?: Severity;
  privacy?: RunOptions['privacy'];
  ignore?: string[];
  gitignore?: boolean;
  allowEmpty?: boolean;
  stdinFilename?: string;
}

export interface RawReportFlags {
  quiet?: boolean;
  maxWarnings?: string;
  printConfig?: boolean;
}

/** --max-warnings: a whole number, 0 or more. */
export function maxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value))
    throw new FatalError(`--max-warnings must be a whole number, 0 or more, not "${value}"`);
  return Number(value);
}

export function toRunOptions(flags: RawRunFlags): RunOptions {
  const staleAfterMonths = positiveInteger(flags.staleAfterMonths, '--stale-after-months');
  const maxFileBytes = positiveInteger(flags.maxFileBytes, '--max-file-bytes');
  return {
    ...(flags.framework ? { framework: flags.framework } : {}),
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
    ...(flags.config ? { config: flags.config } : {}),
    ...(staleAfterMonths !== undefined ? { staleAfterMonths } : {}),
    ...(flags.scoring ? { scoring: flags.scoring } : {}),
    ...(flags.rounding ? { rounding: flags.rounding } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(flags.rubrics && flags.rubrics.length > 0 ? { rubrics: flags.rubrics } : {}),
    ...(flags.privacy ? { privacy: flags.privacy } : {}),
    ...(flags.ignore && flags.ignore.length > 0 ? { ignore: flags.ignore } : {}),
    ...(flags.gitignore ? { gitignore: true } : {}),
    ...(flags.allowEmpty ? { allowEmpty: true } : {}),
    ...(flags.stdinFilename !== undefined ? { stdinFilename: flags.stdinFilename } : {}),
    failOn: flags.failOn ?? 'error',
  };
}
