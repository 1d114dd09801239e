import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { Config, FrameworkId, RunOptions } from '../model/index.js';
import { CONFIG_FILE_NAME } from '../model/index.js';
import { loadDataFile } from '../schema/data-file.js';
import { DEFAULT_INPUT_LIMIT } from '../load/read-input.js';
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
}

export const DEFAULTS = {
  framework: 'provider',
  staleAfterMonths: 24,
  scoring: 'direct',
  rounding: 'up',
  maxFileBytes: DEFAULT_INPUT_LIMIT,
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

/** Configuration from the file (found or named), then command-line options on top. */
export function resolveConfig(
  dir: string,
  options: RunOptions = {},
  now: Date = new Date(),
): Config {
  const path = options.config ?? findConfigFile(dir);
  let file: ConfigFile = {};
  if (path !== undefined) {
    if (!existsSync(path)) throw new FatalError(`configuration file ${path} does not exist`);
    const data = loadDataFile<ConfigFile | null>(
      path,
      'config',
      'configuration file',
      options.maxFileBytes ?? DEFAULT_INPUT_LIMIT,
    );
    file = data.value ?? {};
    const asOf = file['as-of'];
    if (asOf !== undefined && !isRealDate(asOf)) {
      throw new FatalError(`configuration file ${data.file} is not valid`, [
        {
          code: 'invalid-date',
          severity: 'error',
          file: data.file,
          ...data.positionOf(['as-of']),
          message: `"as-of" is not a real date: ${asOf}`,
        },
      ]);
    }
  }
  const asOf = options.asOf ?? file['as-of'] ?? today(now);
  if (!isRealDate(asOf))
    throw new FatalError(`--as-of must be a real date written YYYY-MM-DD, not "${asOf}"`);
  return {
    framework: options.framework ?? file.framework ?? DEFAULTS.framework,
    asOf,
    staleAfterMonths:
      options.staleAfterMonths ?? file['stale-after-months'] ?? DEFAULTS.staleAfterMonths,
    scoring: options.scoring ?? file.scoring ?? DEFAULTS.scoring,
    rounding: options.rounding ?? file.rounding ?? DEFAULTS.rounding,
    maxFileBytes: options.maxFileBytes ?? file['max-file-bytes'] ?? DEFAULTS.maxFileBytes,
    privacy: options.privacy ?? file.privacy ?? DEFAULTS.privacy,
    privacyAllow: options.privacyAllow ?? file['privacy-allow'] ?? [],
    ...(path !== undefined ? { configFile: path } : {}),
  };
}
