import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { loadConfig, run } from '../run/index.js';
import { redactResult } from '../report/redact.js';
import type { ScoreResult, Severity } from '../model/index.js';
import { FORMAT_NAMES } from '../report/index.js';
import type { FormatName } from '../report/index.js';
import { diagnosticsText } from '../report/diagnostics-text.js';
import { EXIT } from './io.js';
import type { MainOptions } from './io.js';
import { addRunOptions, collect, toRunOptions } from './options.js';
import type { RawRunFlags } from './options.js';
import { readDataText } from '../schema/data-file.js';
import { parseBaseline, withBaseline } from '../report/baseline.js';
import type { ThresholdFormatOptions } from '../report/threshold.js';
import {
  failsThreshold,
  parseFailUnder,
  parseRating,
  resolveThresholds,
  thresholdFailures,
} from './thresholds.js';
import { initCommand } from './init.js';
import { explainCommand } from './explain.js';
import { rubricsCommand } from './rubrics.js';
import { schemaCommand } from './schema.js';
import { writeOutputs } from './output.js';

type Exit = (code: number) => void;

/** A --baseline result may be this many times max-file-bytes. */
const BASELINE_LIMIT_FACTOR = 64;

const EXAMPLES = `
Examples:
  $ cqc-score evidence/                         score every statement, table on the terminal
  $ cqc-score evidence/ --format markdown --output summary.md
  $ cqc-score evidence/ --format json --format sarif --output result.json --output result.sarif
  $ cqc-score validate evidence/                check the files only
  $ cqc-score explain safeguarding evidence/    every rule that fired or could have
  $ cqc-score evidence/ --fail-under 3          exit 1 when any statement scores below 3

Exit status: 0 nothing at or above the failure threshold; 1 invalid evidence or a
failed threshold; 2 usage, configuration, rubric or internal error.`;

export function useColor(options: MainOptions, noColor: boolean): boolean {
  const env = options.env ?? {};
  if (noColor) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return options.stdout.isTTY === true;
}

function diagnosticStatus(result: ScoreResult, failOn: Severity): number {
  return result.diagnostics.some((d) => failsThreshold(d.severity, failOn)) ? EXIT.failed : EXIT.ok;
}

export function registerCommands(program: Command, options: MainOptions, exit: Exit): void {
  const { stdout } = options;

  addRunOptions(program)
    .description('Suggest a CQC score for every quality statement from a folder of YAML evidence')
    .argument('[dir]', 'evidence folder', '.')
    .addOption(
      new Option('-f, --format <name>', `output format, repeatable: ${FORMAT_NAMES.join(', ')}`)
        .argParser(collectFormat)
        .default([]),
    )
    .option(
      '-o, --output <file>',
      'write the matching --format to this file (repeatable, in order)',
      collect,
      [],
    )
    .option('--no-color', 'no colour, even on a terminal')
    .option(
      '--fail-under <scores>',
      'exit 1 when a statement scores below N: "3", or per statement "assessing-needs=3,safeguarding=3" (repeatable)',
      collect,
      [],
    )
    .option(
      '--fail-under-rating <rating>',
      'exit 1 when the overall rating is below this: outstanding, good, requires-improvement, inadequate',
    )
    .option('--baseline <file>', 'a previous --format json result: show what changed since it')
    .option('--redact', 'mask detected personal data in every output')
    .addHelpText('after', EXAMPLES)
    .action(
      async (
        dir: string,
        flags: RawRunFlags & {
          format: FormatName[];
          output: string[];
          color: boolean;
          failUnder: string[];
          failUnderRating?: string;
          baseline?: string;
          redact?: boolean;
        },
      ) => {
        const parsed = flags.failUnder.length > 0 ? parseFailUnder(flags.failUnder) : undefined;
        const rating =
          flags.failUnderRating === undefined ? undefined : parseRating(flags.failUnderRating);
        const runOptions = toRunOptions(flags);
        let result = run(dir, runOptions);
        if (flags.redact) result = redactResult(result, loadConfig(dir, runOptions).privacyAllow);
        if (flags.baseline !== undefined) {
          // A result holds every item of a folder: its limit is a multiple of an evidence file's.
          const limit = BASELINE_LIMIT_FACTOR * loadConfig(dir, runOptions).maxFileBytes;
          const text = readDataText(flags.baseline, 'the --baseline result', limit);
          result = withBaseline(result, parseBaseline(text, flags.baseline));
        }
        const thresholds = parsed ? resolveThresholds(parsed, result) : undefined;
        const formats: FormatName[] = flags.format.length > 0 ? flags.format : ['table'];
        const formatOptions: ThresholdFormatOptions = {
          color: useColor(options, !flags.color),
          ...(thresholds ? { thresholds } : {}),
        };
        await writeOutputs(result, formats, flags.output, formatOptions, stdout, dir);
        const failures = thresholdFailures(result, thresholds, rating);
        for (const reason of failures) options.stderr.write(`cqc-score: ${reason}\n`);
        exit(
          Math.max(
            diagnosticStatus(result, flags.failOn ?? 'error'),
            failures.length > 0 ? EXIT.failed : EXIT.ok,
          ),
        );
      },
    );

  addRunOptions(program.command('validate'))
    .description(
      'Check an evidence folder against the format and report every problem with its file, line and column',
    )
    .argument('[dir]', 'evidence folder', '.')
    .addOption(
      new Option('--format <name>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('--redact', 'mask detected personal data in messages')
    .action((dir: string, flags: RawRunFlags & { format: 'text' | 'json'; redact?: boolean }) => {
      const runOptions = toRunOptions(flags);
      let result = run(dir, runOptions);
      if (flags.redact) result = redactResult(result, loadConfig(dir, runOptions).privacyAllow);
      if (flags.format === 'json') {
        const { files, items, diagnostics, summary } = result;
        stdout.write(
          `${JSON.stringify({ schemaVersion: 1, files, items, summary, diagnostics }, null, 2)}\n`,
        );
      } else {
        stdout.write(diagnosticsText(result.diagnostics));
        const { errors, warnings } = result.summary;
        stdout.write(
          `${result.files} file${result.files === 1 ? '' : 's'}, ${result.items} item${result.items === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
        );
      }
      exit(diagnosticStatus(result, flags.failOn ?? 'error'));
    });

  explainCommand(program, options, exit);
  rubricsCommand(program, options, exit);
  schemaCommand(program, options);
  initCommand(program, options, exit);
}

function collectFormat(value: string, previous: FormatName[]): FormatName[] {
  if (!(FORMAT_NAMES as string[]).includes(value)) {
    throw new InvalidArgumentError(
      `unknown format "${value}"; choose from ${FORMAT_NAMES.join(', ')}`,
    );
  }
  return [...previous, value as FormatName];
}
