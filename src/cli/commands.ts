import { plural } from '../base/plural.js';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { explainRunConfig, loadConfig } from '../run/index.js';
import { FatalError } from '../base/errors.js';
import type { PipelineOptions } from '../run/index.js';
import { redactResult } from '../report/redact.js';
import type { ScoreResult } from '../model/index.js';
import { FORMAT_NAMES } from '../report/index.js';
import type { FormatName } from '../report/index.js';
import { diagnosticsText, problemCounts } from '../report/diagnostics-text.js';
import { EXIT } from './io.js';
import type { MainOptions } from './io.js';
import {
  addFixOptions,
  addReportOptions,
  addRunOptions,
  collect,
  maxWarnings,
  toRunOptions,
} from './options.js';
import { runFixing } from './fix.js';
import { maskPersonalData } from '../validate/privacy.js';
import type { RawReportFlags, RawRunFlags } from './options.js';
import { readDataText } from '../schema/data-file.js';
import { BASELINE_TEXT, parseBaseline, withBaseline } from '../report/baseline.js';
import { failsThreshold, gateFailures } from '../report/threshold.js';
import type { Gate, ThresholdFormatOptions } from '../report/threshold.js';
import { parseFailUnder, parseRating, resolveThresholds } from './thresholds.js';
import { formatOf, readStdin } from './inputs.js';
import { outcomeRows, printConfig } from './print-config.js';
import type { OutcomeFlags } from './print-config.js';
import { initCommand } from './init.js';
import { explainCommand } from './explain.js';
import { rubricsCommand } from './rubrics.js';
import { schemaCommand } from './schema.js';
import { writeOutputs } from './output.js';
import { terminalPaint, terminalWidth } from './terminal.js';

type Exit = (code: number) => void;
type ValidateFlags = RawRunFlags & { format: 'text' | 'json'; redact?: boolean; color: boolean };

const EXAMPLES = `
Examples:
  $ cqc-score evidence/                         score every statement, table on the terminal
  $ cqc-score 'evidence/la/*.yaml' other/       folders, files and globs, any number
  $ cqc-score - --stdin-filename la/survey.yaml < survey.yaml
  $ cqc-score evidence/ --ignore 'drafts/**' --gitignore
  $ cqc-score evidence/ -o summary.md -o result.sarif   the format from each extension
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

/**
 * Runs the paths the command line names, reading standard input first when
 * one of them is `-`. `report` is false after `--fix-dry-run`, whose diff is
 * the whole output; the result still decides the exit status.
 */
async function runPaths(
  paths: string[],
  flags: RawRunFlags & { redact?: boolean },
  options: MainOptions,
): Promise<{ result: ScoreResult; report: boolean }> {
  const runOptions: PipelineOptions = toRunOptions(flags);
  if (paths.includes('-')) {
    if (flags.fix || flags.fixDryRun)
      throw new FatalError(
        '--fix and --fix-dry-run change evidence files; they cannot work on standard input',
      );
    runOptions.stdin = await readStdin(options);
  }
  const ran = runFixing(paths, runOptions, flags, options);
  if (flags.redact)
    ran.result = redactResult(ran.result, explainRunConfig(paths, runOptions).config.privacyAllow);
  return ran;
}

/** With --print-config, prints the configuration and returns true: the run stops there. */
function printedConfig(
  paths: string[],
  flags: RawRunFlags & RawReportFlags & OutcomeFlags & { redact?: boolean },
  options: MainOptions,
): boolean {
  if (!flags.printConfig) return false;
  const runOptions = toRunOptions(flags);
  const outcome = outcomeRows(flags);
  const { config, sources } = explainRunConfig(paths, runOptions);
  const text = printConfig(config, sources, runOptions, outcome);
  // Values are the configuration's own words (ignore patterns, rule names, paths): masked like any other output.
  options.stdout.write(flags.redact ? maskPersonalData(text, config.privacyAllow) : text);
  return true;
}

/**
 * --quiet: only errors, whatever else fails the run, and the notes that the
 * personal-data check was weakened are shown; the counts still cover everything.
 */
function quietened(result: ScoreResult, gate: Gate): ScoreResult {
  return {
    ...result,
    diagnostics: result.diagnostics.filter(
      (d) =>
        d.severity === 'error' ||
        failsThreshold(d.severity, gate.failOn) ||
        d.code.startsWith('privacy/'),
    ),
  };
}

export function registerCommands(program: Command, options: MainOptions, exit: Exit): void {
  const { stdout } = options;

  addFixOptions(addReportOptions(addRunOptions(program)))
    .description('Suggest a CQC score for every quality statement from a folder of YAML evidence')
    .argument('[paths...]', 'evidence folders, files or globs; - reads standard input', ['.'])
    .addOption(
      new Option('-f, --format <name>', `output format, repeatable: ${FORMAT_NAMES.join(', ')}`)
        .argParser(collectFormat)
        .default([]),
    )
    .option(
      '-o, --output <file>',
      'write the matching --format to this file (repeatable, in order); without one, the extension (.md, .json, .sarif, .xml) picks it',
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
        paths: string[],
        flags: RawRunFlags &
          RawReportFlags & {
            format: FormatName[];
            output: string[];
            color: boolean;
            failUnder: string[];
            failUnderRating?: string;
            baseline?: string;
            redact?: boolean;
          },
      ) => {
        if (printedConfig(paths, flags, options)) return;
        const parsed = flags.failUnder.length > 0 ? parseFailUnder(flags.failUnder) : undefined;
        const rating =
          flags.failUnderRating === undefined ? undefined : parseRating(flags.failUnderRating);
        const warnings = maxWarnings(flags.maxWarnings);
        // Redacted below, after the baseline, so text taken from it is masked too.
        const ran = await runPaths(paths, { ...flags, redact: false }, options);
        let result = ran.result;
        if (flags.baseline !== undefined) {
          // Every input has the same size limit; a large folder's result may need it raised.
          const limit = loadConfig(paths, toRunOptions(flags)).maxFileBytes;
          const text = readDataText(flags.baseline, 'the --baseline result', limit, BASELINE_TEXT);
          result = withBaseline(result, parseBaseline(text, flags.baseline));
        }
        // After the baseline, so text taken from it (finding texts, titles) is masked too.
        if (flags.redact)
          result = redactResult(
            result,
            explainRunConfig(paths, toRunOptions(flags)).config.privacyAllow,
          );
        const gate: Gate = {
          failOn: flags.failOn ?? 'error',
          ...(parsed ? { thresholds: resolveThresholds(parsed, result) } : {}),
          ...(rating ? { rating } : {}),
          ...(warnings !== undefined ? { maxWarnings: warnings } : {}),
        };
        // Formats follow --format in order; an --output beyond them takes its extension's.
        const formats: FormatName[] = [
          ...flags.format,
          ...flags.output.slice(flags.format.length).map(formatOf),
        ];
        if (formats.length === 0) formats.push('table');
        const width = terminalWidth(options);
        const formatOptions: ThresholdFormatOptions = {
          color: useColor(options, !flags.color),
          ...(flags.verbose ? { verbose: true } : {}),
          ...(width !== undefined ? { width } : {}),
          gate,
        };
        const failures = gateFailures(result, gate);
        const status = failures.length > 0 ? EXIT.failed : EXIT.ok;
        // After --fix-dry-run the diff was the output: only the status is left to give.
        if (!ran.report) return exit(status);
        const shown = flags.quiet ? quietened(result, gate) : result;
        await writeOutputs(shown, formats, flags.output, formatOptions, stdout, paths);
        for (const f of failures.filter((x) => x.kind !== 'diagnostics'))
          options.stderr.write(`cqc-score: ${f.reason}\n`);
        exit(status);
      },
    );

  addFixOptions(addReportOptions(addRunOptions(program.command('validate'))))
    .description(
      'Check evidence against the format and report every problem with its file, line and column',
    )
    .argument('[paths...]', 'evidence folders, files or globs; - reads standard input', ['.'])
    .addOption(
      new Option('--format <name>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('--redact', 'mask detected personal data in messages')
    .option('--no-color', 'no colour, even on a terminal')
    .action(async (paths: string[], flags: ValidateFlags & RawReportFlags) => {
      if (printedConfig(paths, flags, options)) return;
      const gate: Gate = { failOn: flags.failOn ?? 'error' };
      const warnings = maxWarnings(flags.maxWarnings);
      if (warnings !== undefined) gate.maxWarnings = warnings;
      const { result, report } = await runPaths(paths, flags, options);
      const failures = gateFailures(result, gate);
      const status = failures.length > 0 ? EXIT.failed : EXIT.ok;
      if (!report) return exit(status);
      const shown = flags.quiet ? quietened(result, gate) : result;
      if (flags.format === 'json') {
        const { files, items, diagnostics, summary } = shown;
        stdout.write(
          `${JSON.stringify({ schemaVersion: 1, files, items, summary, diagnostics }, null, 2)}\n`,
        );
      } else {
        const paint = useColor(options, !flags.color) ? terminalPaint() : undefined;
        stdout.write(diagnosticsText(shown.diagnostics, paint, flags.verbose));
        const { errors, warnings: warned } = result.summary;
        stdout.write(
          `${plural(result.files, 'file')}, ${plural(result.items, 'item')}: ${problemCounts(errors, warned, paint)}${flags.quiet && warned > 0 ? ' (warnings hidden by --quiet)' : ''}\n`,
        );
      }
      for (const f of failures.filter((x) => x.kind === 'warnings'))
        options.stderr.write(`cqc-score: ${f.reason}\n`);
      exit(status);
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
