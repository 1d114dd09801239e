import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FatalError } from '../base/errors.js';
import type {
  Config,
  ConfigSources,
  Diagnostic,
  FrameworkId,
  PrivacyLevel,
  RuleLevel,
  RunOptions,
} from '../model/index.js';
import {
  CONFIG_FILE_NAME,
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_FAMILIES,
  EVIDENCE_FAMILY,
} from '../model/index.js';
import { displayPath, brokenLink } from '../base/paths.js';
import { loadDataFile } from '../schema/data-file.js';
import { DEFAULT_INPUT_LIMIT } from '../load/read-input.js';
import type { DataFile } from '../schema/data-file.js';
import { didYouMean } from '../schema/suggest.js';
import { isRealDate, today } from './dates.js';
import { PERSONAL_DATA_KINDS } from './detectors.js';
import { ruleFor } from './suppressions.js';

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

/** Whether `rules:` can name this: a known code, a code of a known family, or `family/*`. */
export function isKnownCode(code: string): boolean {
  if ((DIAGNOSTIC_CODES as readonly string[]).includes(code)) return true;
  if (code === `${EVIDENCE_FAMILY}/*`) return true;
  if (code.startsWith(`${EVIDENCE_FAMILY}/`))
    return (DIAGNOSTIC_CODES as readonly string[]).includes(code.slice(EVIDENCE_FAMILY.length + 1));
  // The personal-data codes are a closed list: a misspelt one would lower nothing and say nothing.
  if (code.startsWith('personal-data/'))
    return code === 'personal-data/*' || PERSONAL_DATA_CODES.includes(code);
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
        [...DIAGNOSTIC_CODES, ...PERSONAL_DATA_CODES, ...DIAGNOSTIC_FAMILIES.map((f) => `${f}/*`)],
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
  let data: DataFile<ConfigFile | null> | undefined;
  if (path !== undefined) {
    if (!existsSync(path))
      throw new FatalError(`configuration file ${path} ${brokenLink(path) ?? 'does not exist'}`);
    data = loadDataFile<ConfigFile | null>(
      path,
      'config',
      'configuration file',
      options.maxFileBytes ?? DEFAULT_INPUT_LIMIT,
    );
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
  const { privacy, privacyNotes, rules, fromFile } = privacySetting(options, file, data, path);
  // A level from a file that is not trusted falls back to the default: say so.
  sources.privacy =
    options.privacy !== undefined ? '--privacy' : fromFile !== undefined ? shown : 'default';
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
    privacy,
    privacyAllow: pick('privacy-allow', options.privacyAllow, file['privacy-allow'], []),
    ignore: pick('ignore', undefined, file.ignore, []),
    rules: pick('rules', undefined, file.rules === undefined ? undefined : rules, {}),
    ...(path !== undefined ? { configFile: path } : {}),
    ...(privacyNotes.length > 0 ? { privacyNotes } : {}),
  };
  return { config, sources };
}

const STRENGTH: Record<RuleLevel, number> = { off: 0, info: 1, warn: 2, error: 3 };
const PERSONAL_DATA_CODES = PERSONAL_DATA_KINDS.map((kind) => `personal-data/${kind}`);

/**
 * What lets users other than the owner change the file, if anything: its
 * group or world write bits, or a folder they can write without the sticky
 * bit, where the file can be replaced (not meaningful on Windows).
 */
function writableByOthers(path: string): { what: string; fix: string } | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    if ((statSync(path).mode & 0o022) !== 0) return { what: 'write', fix: displayPath(path) };
    // The folder of the path as named, and of each link on the way to the file:
    // whoever can replace any of them decides what is read.
    for (const folder of foldersOnTheWay(path)) {
      const mode = statSync(folder).mode;
      if ((mode & 0o022) !== 0 && (mode & 0o1000) === 0)
        return { what: 'replace', fix: displayPath(folder) };
    }
  } catch {
    // A file that cannot be examined was not read either.
  }
  return undefined;
}

/** The folders holding `path`, each symbolic link it leads through, and the file itself. */
function foldersOnTheWay(path: string): string[] {
  const folders: string[] = [];
  let current = resolve(path);
  // The system gives up after 40 links; a loop cannot have been read.
  for (let hop = 0; hop < 40 && lstatSync(current).isSymbolicLink(); hop++) {
    folders.push(realpathSync.native(dirname(current)));
    current = resolve(dirname(current), readlinkSync(current));
  }
  folders.push(dirname(realpathSync.native(path)));
  return [...new Set(folders)];
}

/** The `rules:` entries that set a personal-data code below `level`, the most specific entry deciding. */
function weakeningRules(rules: Record<string, RuleLevel>, level: PrivacyLevel): string[] {
  const found = new Set<string>();
  for (const code of PERSONAL_DATA_CODES) {
    const pattern = ruleFor(rules, code);
    if (pattern !== undefined && STRENGTH[rules[pattern]!] < STRENGTH[level]) found.add(pattern);
  }
  return [...found];
}

/**
 * The personal-data level, the rules left to apply, and what every output
 * must say about them. A level below the default, from `privacy:`,
 * `--privacy` or a `rules:` entry for a `personal-data/*` code, is named with
 * where it came from, so nobody reads a report without knowing the check was
 * weakened. A file others can write is not trusted to weaken it: anyone with
 * write access could silence the check for everyone, so the default stays
 * and a warning says why.
 */
function privacySetting(
  options: RunOptions,
  file: ConfigFile,
  data: DataFile<unknown> | undefined,
  path: string | undefined,
): {
  privacy: PrivacyLevel;
  privacyNotes: Diagnostic[];
  rules: Record<string, RuleLevel>;
  /** The file's level, when it is used. */
  fromFile: PrivacyLevel | undefined;
} {
  const notes: Diagnostic[] = [];
  let fromFile = file.privacy;
  const rules = { ...file.rules };
  const weakens = (level: PrivacyLevel | undefined): level is PrivacyLevel =>
    level !== undefined && STRENGTH[level] < STRENGTH[DEFAULTS.privacy];
  const untrusted = data !== undefined && path !== undefined ? writableByOthers(path) : undefined;
  const ignored = (setting: string, at: (string | number)[]): Diagnostic => ({
    code: 'privacy/untrusted-config',
    severity: 'warn',
    file: data!.file,
    ...data!.positionOf(at),
    message: `"${setting}" is ignored because other users can ${untrusted!.what} ${data!.file}; the personal-data check stays at "${DEFAULTS.privacy}" (run "chmod go-w ${untrusted!.fix}" to trust the file)`,
  });
  if (untrusted && weakens(fromFile)) {
    notes.push(ignored(`privacy: ${fromFile}`, ['privacy']));
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
  if (privacy !== 'off') {
    for (const pattern of weakeningRules(rules, privacy)) {
      const level = rules[pattern]!;
      if (untrusted) {
        notes.push(ignored(`rules: ${pattern}: ${level}`, ['rules', pattern]));
        delete rules[pattern];
        continue;
      }
      notes.push({
        code: 'privacy/weakened',
        severity: 'info',
        file: data!.file,
        ...data!.positionOf(['rules', pattern]),
        message: `personal-data check ${level === 'off' ? 'off' : `lowered to ${level}`} for ${pattern} by rules in ${data!.file}`,
      });
    }
  }
  return { privacy, privacyNotes: notes, rules, fromFile };
}
