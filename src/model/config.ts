import type { FrameworkId } from './evidence.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/** The configuration file looked for in the evidence folder and its parents. */
export const CONFIG_FILE_NAME = 'cqc-score.yaml';

export type ScoringMethod = 'direct' | 'category-percentage';
/** How a fractional percentage becomes a whole one before it is banded. */
export type RoundingPolicy = 'up' | 'nearest' | 'down';
export type PrivacyLevel = 'error' | 'warn' | 'off';
/** What `rules:` in the configuration makes of a diagnostic code. */
export type RuleLevel = 'error' | 'warn' | 'info' | 'off';

export interface Config {
  framework: FrameworkId;
  /** YYYY-MM-DD. */
  asOf: string;
  staleAfterMonths: number;
  scoring: ScoringMethod;
  rounding: RoundingPolicy;
  maxFileBytes: number;
  privacy: PrivacyLevel;
  /** Exact strings (emails, phone numbers) that are organisation contact details. */
  privacyAllow: string[];
  /** Glob patterns of files to skip, relative to the configuration file's folder. */
  ignore: string[];
  /** Severity per diagnostic code (or `prefix/*`), replacing the code's own. */
  rules: Record<string, RuleLevel>;
  /** The configuration file the values came from, if any. */
  configFile?: string;
  /**
   * What every output must say about the personal-data check: that a setting
   * weakened it, or that a setting was ignored because others can write the file.
   */
  privacyNotes?: Diagnostic[];
}

/** Where each configuration value came from: a flag, the file, or the default. */
export type ConfigSources = Record<string, string>;

export interface RunOptions extends Partial<
  Omit<Config, 'configFile' | 'ignore' | 'rules' | 'privacyNotes'>
> {
  /** Glob patterns of files to skip, relative to the working directory (`--ignore`). */
  ignore?: string[];
  /** Skip what `.gitignore` files ignore. */
  gitignore?: boolean;
  /** No evidence files is not an error. */
  allowEmpty?: boolean;
  /** The name standard input (the input `-`) is shown by. */
  stdinFilename?: string;
  /** Path to a configuration file, instead of searching for cqc-score.yaml. */
  config?: string;
  /** Extra rubric folders whose rules add to or replace the shipped ones. */
  rubrics?: string[];
  failOn?: Severity;
}
