/** One severity scale for everything the tool reports. */
export type Severity = 'error' | 'warn' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** A problem found in an input file, pointing at a 1-based line and column. */
export interface Diagnostic {
  /** Stable code such as `schema/required` or `unknown-statement`; listed in the README. */
  code: string;
  severity: Severity;
  /** Path relative to the current working directory, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Plain-English message, built from `args` by `src/validate/messages.ts`. */
  message: string;
  /** A safe correction `--fix` can make; only where there is one clear answer. */
  fix?: Fix;
}

/** One key or one value to replace, found by its path in the file's `doc`-th YAML document. */
export interface Fix {
  doc: number;
  path: (string | number)[];
  /** Replace the key at the end of `path` rather than its value. */
  key: boolean;
  /** The text there now (the fix is not made if it has changed). */
  from: string;
  to: string;
}

/** What a check says before positions are attached: a path into the parsed document. */
export interface PendingDiagnostic {
  code: string;
  severity?: Severity;
  /** JSON-pointer-like path of keys and indexes inside the document. */
  path: (string | number)[];
  /** Point at the key itself rather than its value. */
  atKey?: boolean;
  message: string;
  /** The replacement text for the key (with atKey) or value at `path`, when it is a safe fix. */
  fix?: { from: string; to: string };
}
