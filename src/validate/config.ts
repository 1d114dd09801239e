import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { Config, ConfigSources, FrameworkId, RuleLevel, RunOptions } from '../model/index.js';
import { CONFIG_FILE_NAME, DIAGNOSTIC_CODES, DIAGNOSTIC_FAMILIES } from '../model/index.js';
import { displayPath } from '../base/paths.js';
import { loadDataFile } from '../schema/data-file.js';
import type { DataFile } from '../schema/data-file.js';
import { didYouMean } from '../schema/suggest.js';
import { isRealDate, today } from './dates.js';

interface ConfigFile {
  framework?: FrameworkId;
  'as-of'?: string;
  'stale-after-months'?: number;
  scoring?: Config['scoring'];
  rounding?: Config['rounding'];
  'max-file-bytes'?: number;
  privacy?: Config['privacy'];
  'privacy-allow'?: string[];
  ignore?: string[];
  rules?: Record<string, RuleLevel>;
}

export const DEFAULTS = {
  framework: 'provider',
  staleAfterMonths: 24,
  scoring: 'direct',
  rounding: 'up',
  maxFileBytes: 1024 * 1024,
  privacy: 'error',
} as const;

/** cqc-score.yaml in `dir` or the nearest parent folder that has one. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Whether `rules:` can name this: a known code, a code of a known family, or `family/*`. */
export function isKnownCode(code: string): boolean {
  if ((DIAGNOSTIC_CODES as readonly string[]).includes(code)) return true;
  const slash = code.indexOf('/');
  return (
    slash > 0 &&
    slash < code.length - 1 &&
    (DIAGNOSTIC_FAMILIES as readonly string[]).includes(code.slice(0, slash))
  );
}

function checkFile(data: DataFile<ConfigFile | null>, file: ConfigFile): void {
  const problems = [];
  const asOf = file['as-of'];
  if (asOf !== undefined && !isRealDate(asOf)) {
    problems.push({
      code: 'invalid-date',
      severity: 'error' as const,
      file: data.file,
      ...data.positionOf(['as-of']),
      message: `"as-of" is not a real date: ${asOf}`,
    });
  }
  for (const code of Object.keys(file.rules ?? {})) {
    if (isKnownCode(code)) continue;
    problems.push({
      code: 'schema/enum',
      severity: 'error' as const,
      file: data.file,
      ...data.positionOf(['rules', code]),
      message: `"${code}" is not a diagnostic code (the README's diagnostics table lists them)${didYouMean(
        code,
        [...DIAGNOSTIC_CODES, ...DIAGNOSTIC_FAMILIES.map((f) => `${f}/*`)],
      )}`,
    });
  }
  if (problems.length > 0)
    throw new FatalError(`configuration file ${data.file} is not valid`, problems);
}

/** The resolved configuration, and where each value came from (for --print-config). */
export interface ExplainedConfig {
  config: Config;
  sources: ConfigSources;
}

/** Configuration from the file (found or named), then command-line options on top. */
export function resolveConfig(
  dir: string,
  options: RunOptions = {},
  now: Date = new Date(),
): Config {
  return explainConfig(dir, options, now).config;
}

/** As resolveConfig, also saying which flag, file or default each value came from. */
export function explainConfig(
  dir: string,
  options: RunOptions = {},
  now: Date = new Date(),
): ExplainedConfig {
  const path = options.config ?? findConfigFile(dir);
  let file: ConfigFile = {};
  if (path !== undefined) {
    if (!existsSync(path)) throw new FatalError(`configuration file ${path} does not exist`);
    const data = loadDataFile<ConfigFile | null>(path, 'config', 'configuration file');
    file = data.value ?? {};
    checkFile(data, file);
  }
  const sources: ConfigSources = {};
  const shown = path === undefined ? '' : displayPath(path);
  /** The flag's value, else the file's, else the default; noting which. */
  const pick = <T>(key: string, flag: T | undefined, fromFile: T | undefined, fallback: T): T => {
    if (flag !== undefined) {
      sources[key] = `--${key}`;
      return flag;
    }
    if (fromFile !== undefined) {
      sources[key] = shown;
      return fromFile;
    }
    sources[key] = 'default';
    return fallback;
  };
  const asOf = pick('as-of', options.asOf, file['as-of'], today(now));
  if (sources['as-of'] === 'default') sources['as-of'] = 'default (today)';
  if (!isRealDate(asOf))
    throw new FatalError(`--as-of must be a real date written YYYY-MM-DD, not "${asOf}"`);
  const config: Config = {
    framework: pick('framework', options.framework, file.framework, DEFAULTS.framework),
    asOf,
    staleAfterMonths: pick(
      'stale-after-months',
      options.staleAfterMonths,
      file['stale-after-months'],
      DEFAULTS.staleAfterMonths,
    ),
    scoring: pick('scoring', options.scoring, file.scoring, DEFAULTS.scoring),
    rounding: pick('rounding', options.rounding, file.rounding, DEFAULTS.rounding),
    maxFileBytes: pick(
      'max-file-bytes',
      options.maxFileBytes,
      file['max-file-bytes'],
      DEFAULTS.maxFileBytes,
    ),
    privacy: pick('privacy', options.privacy, file.privacy, DEFAULTS.privacy),
    privacyAllow: pick('privacy-allow', options.privacyAllow, file['privacy-allow'], []),
    ignore: pick('ignore', undefined, file.ignore, []),
    rules: pick('rules', undefined, file.rules, {}),
    ...(path !== undefined ? { configFile: path } : {}),
  };
  return { config, sources };
}
