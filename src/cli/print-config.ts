/** `--print-config`: the configuration a run would use, one value a line, each with where it came from. */
import type { ConfigSources, RunOptions } from '../model/index.js';
import type { Config } from '../model/index.js';
import { displayPath } from '../base/paths.js';

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

/** YAML (values in flow style, so each fits one line) with a comment naming each value's source. */
export function printConfig(config: Config, sources: ConfigSources, options: RunOptions): string {
  const lines = [
    `# configuration file: ${config.configFile === undefined ? 'none found' : displayPath(config.configFile)}`,
  ];
  const row = (key: string, value: unknown, source: string): void => {
    lines.push(`${`${key}: ${JSON.stringify(value)}`.padEnd(40)} # ${source}`);
  };
  for (const [key, get] of KEYS) row(key, get(config), sources[key] ?? 'default');
  row('ignore (command line)', options.ignore ?? [], options.ignore ? '--ignore' : 'default');
  row('gitignore', options.gitignore === true, options.gitignore ? '--gitignore' : 'default');
  row('fail-on', options.failOn ?? 'error', options.failOn === 'warn' ? '--fail-on' : 'default');
  return `${lines.join('\n')}\n`;
}
