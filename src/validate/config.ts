import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { Config, Diagnostic, FrameworkId, PrivacyLevel, RunOptions } from '../model/index.js';
import { CONFIG_FILE_NAME } from '../model/index.js';
import { loadDataFile } from '../schema/data-file.js';
import type { DataFile } from '../schema/data-file.js';
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

/** Configuration from the file (found or named), then command-line options on top. */
export function resolveConfig(
  dir: string,
  options: RunOptions = {},
  now: Date = new Date(),
): Config {
  const path = options.config ?? findConfigFile(dir);
  let file: ConfigFile = {};
  let data: DataFile<ConfigFile | null> | undefined;
  if (path !== undefined) {
    if (!existsSync(path)) throw new FatalError(`configuration file ${path} does not exist`);
    data = loadDataFile<ConfigFile | null>(path, 'config', 'configuration file');
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
  const { privacy, privacyNotes } = privacySetting(options, file, data, path);
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
    privacy,
    privacyAllow: options.privacyAllow ?? file['privacy-allow'] ?? [],
    ...(path !== undefined ? { configFile: path } : {}),
    ...(privacyNotes.length > 0 ? { privacyNotes } : {}),
  };
}

const STRENGTH: Record<PrivacyLevel, number> = { off: 0, warn: 1, error: 2 };

/** Whether users other than the owner can change the file (group or world write bits; not meaningful on Windows). */
function writableByOthers(path: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (statSync(path).mode & 0o022) !== 0;
  } catch {
    return false;
  }
}

/**
 * The personal-data level, and what every output must say about it. A level
 * below the default is named with where it came from, so nobody reads a
 * report without knowing the check was off. A file others can write is not
 * trusted to lower it: anyone with write access could silence the check for
 * everyone, so the default stays and a warning says why.
 */
function privacySetting(
  options: RunOptions,
  file: ConfigFile,
  data: DataFile<unknown> | undefined,
  path: string | undefined,
): { privacy: PrivacyLevel; privacyNotes: Diagnostic[] } {
  const notes: Diagnostic[] = [];
  let fromFile = file.privacy;
  const weakens = (level: PrivacyLevel | undefined): level is PrivacyLevel =>
    level !== undefined && STRENGTH[level] < STRENGTH[DEFAULTS.privacy];
  if (data && path !== undefined && weakens(fromFile) && writableByOthers(path)) {
    notes.push({
      code: 'privacy/untrusted-config',
      severity: 'warn',
      file: data.file,
      ...data.positionOf(['privacy']),
      message: `"privacy: ${fromFile}" is ignored because other users can write ${data.file}; the personal-data check stays at "${DEFAULTS.privacy}" (run "chmod go-w ${data.file}" to trust the file)`,
    });
    fromFile = undefined;
  }
  const privacy = options.privacy ?? fromFile ?? DEFAULTS.privacy;
  if (weakens(privacy)) {
    const byFlag = options.privacy !== undefined;
    const by = byFlag ? `--privacy ${privacy}` : data!.file;
    notes.push({
      code: 'privacy/weakened',
      severity: 'info',
      file: byFlag ? '(command line)' : data!.file,
      ...(byFlag ? { line: 1, column: 1 } : data!.positionOf(['privacy'])),
      message: `personal-data check ${privacy === 'off' ? 'off' : 'lowered to warnings'} by ${by}`,
    });
  }
  return { privacy, privacyNotes: notes };
}
