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
}
