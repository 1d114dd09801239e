import { FatalError } from '../base/errors.js';
import { VERSION } from '../base/version.js';
import { diagnosticLine } from '../report/diagnostics-text.js';
import { plainText } from '../report/escape.js';
import { maskDiagnostic, maskPersonalData } from '../validate/privacy.js';
import { EXIT } from './io.js';
import type { MainOptions } from './io.js';

/**
 * The whole CLI: parses argv, runs a command, and returns the exit status.
 * 0 nothing at or above the failure threshold, 1 evidence fails it, 2 usage,
 * configuration, rubric or internal error. Never calls process.exit.
 */
export async function main(options: MainOptions): Promise<number> {
  const { stdout, stderr } = options;
  const env = options.env ?? process.env;
  if (options.argv.length === 1 && (options.argv[0] === '--version' || options.argv[0] === '-V')) {
    // Answered before the commands and their libraries are loaded: startup is the whole cost here.
    stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  // Known before the command is parsed, so a usage error or a fatal one is masked too.
  const redact = options.argv.includes('--redact');
  const mask = (text: string): string => (redact ? maskPersonalData(text) : text);
  let status: number = EXIT.ok;
  const { Command, CommanderError, Option } = await import('commander');
  const program = new Command('cqc-score');
  program
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      writeErr: (s) => void stderr.write(mask(s)),
    })
    .version(VERSION, '-V, --version')
    .addOption(new Option('--verbose', 'show stack traces for internal errors'))
    .showHelpAfterError('(run "cqc-score --help" for usage)');
  const { registerCommands } = await import('./commands.js');
  registerCommands(program, { ...options, env }, (code) => {
    status = Math.max(status, code);
  });
  try {
    const { mistypedCommand } = await import('./inputs.js');
    const typo = mistypedCommand(
      options.argv[0],
      program.commands.map((c) => c.name()),
    );
    if (typo !== undefined) {
      stderr.write(
        mask(
          `cqc-score: "${options.argv[0]}" is not a command or a path; did you mean ${typo}?\n(run "cqc-score --help" for usage)\n`,
        ),
      );
      return EXIT.fatal;
    }
    await program.parseAsync(options.argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.fatal;
    }
    if (error instanceof FatalError) {
      stderr.write(`cqc-score: ${plainText(mask(error.message))}\n`);
      // Diagnostics quote personal data only masked, with or without --redact.
      for (const d of error.diagnostics) stderr.write(`${diagnosticLine(maskDiagnostic(d))}\n`);
      return EXIT.fatal;
    }
    const verbose = options.argv.includes('--verbose');
    stderr.write(`cqc-score: internal error: ${mask((error as Error).message ?? String(error))}\n`);
    if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
    else stderr.write('(run again with --verbose for details, and please report it)\n');
    return EXIT.fatal;
  }
}
