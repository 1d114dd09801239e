/** `--print-config`: the configuration a run would use, one value a line, each with where it came from. */
import type { ConfigSources, RunOptions } from '../model/index.js';
import type { Config } from '../model/index.js';
import { displayPath } from '../base/paths.js';
import { maxWarnings } from './options.js';
import { parseFailUnder, parseRating } from './thresholds.js';

const KEYS: [string, (c: Config) => unknown][] = [
  ['framework', (c) => c.framework],
  ['as-of', (c) => c.asOf],
  ['stale-after-months', (c) => c.staleAfterMonths],
  ['scoring', (c) => c.scoring],
  ['rounding', (c) => c.rounding],
  ['max-file-bytes', (c) => c.maxFileBytes],
  ['privacy', (c) => c.privacy],
  ['privacy-allow', (c) => c.privacyAllow],
  ['ignore', (c) => c.ignore],
  ['rules', (c) => c.rules],
];

/** A setting only the command line gives: its name, its value and where it came from. */
export type Row = [key: string, value: unknown, source: string];

/** The flags beyond the configuration that decide the exit status, as given. */
export interface OutcomeFlags {
  maxWarnings?: string;
  /** Only the scoring command has the score thresholds (commander gives it [] at least). */
  failUnder?: string[];
  failUnderRating?: string;
}

/**
 * The rows for the settings that decide the exit status besides fail-on, read
 * as the run reads them (a bad value is the same usage error): --max-warnings,
 * and on the scoring command --fail-under (one "N" or "STATEMENT=N" a
 * threshold) and --fail-under-rating. Unset, they are null or empty: no limit.
 */
export function outcomeRows(flags: OutcomeFlags): Row[] {
  const warnings = maxWarnings(flags.maxWarnings);
  const rows: Row[] = [
    ['max-warnings', warnings ?? null, warnings === undefined ? 'default' : '--max-warnings'],
  ];
  if (flags.failUnder === undefined) return rows;
  const { all, statements } = parseFailUnder(flags.failUnder);
  const scores = [
    ...(all === undefined ? [] : [String(all)]),
    ...Object.entries(statements).map(([name, min]) => `${name}=${min}`),
  ];
  const rating =
    flags.failUnderRating === undefined ? undefined : parseRating(flags.failUnderRating);
  rows.push(
    ['fail-under', scores, scores.length > 0 ? '--fail-under' : 'default'],
    ['fail-under-rating', rating ?? null, rating ? '--fail-under-rating' : 'default'],
  );
  return rows;
}

/**
 * YAML (values in flow style, so each fits one line) with a comment naming
 * each value's source: the configuration, then every command-line setting
 * that changes the result or the exit status (`outcome` adds the thresholds
 * only the reporting commands have).
 */
export function printConfig(
  config: Config,
  sources: ConfigSources,
  options: RunOptions,
  outcome: readonly Row[] = [],
): string {
  const lines = [
    `# configuration file: ${config.configFile === undefined ? 'none found' : displayPath(config.configFile)}`,
  ];
  const row = (key: string, value: unknown, source: string): void => {
    lines.push(`${`${key}: ${JSON.stringify(value)}`.padEnd(40)} # ${source}`);
  };
  for (const [key, get] of KEYS) row(key, get(config), sources[key] ?? 'default');
  row('ignore (command line)', options.ignore ?? [], options.ignore ? '--ignore' : 'default');
  row('gitignore', options.gitignore === true, options.gitignore ? '--gitignore' : 'default');
  row('rubrics', options.rubrics ?? [], options.rubrics ? '--rubrics' : 'default');
  row('allow-empty', options.allowEmpty === true, options.allowEmpty ? '--allow-empty' : 'default');
  row('fail-on', options.failOn ?? 'error', options.failOn === 'warn' ? '--fail-on' : 'default');
  for (const [key, value, source] of outcome) row(key, value, source);
  return `${lines.join('\n')}\n`;
}
