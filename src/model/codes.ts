/**
 * The diagnostic codes the tool reports, for checking the `rules:` of a
 * configuration. Codes in a family (`yaml/…`) are matched by their prefix,
 * so a new code in a family needs no change here.
 */
export const DIAGNOSTIC_CODES = [
  'unknown-statement',
  'missing-statement',
  'duplicate-id',
  'invalid-date',
  'future-date',
  'missing-date',
  'stale-evidence',
  'other-framework',
  'no-evidence',
] as const;

export const DIAGNOSTIC_FAMILIES = [
  'yaml',
  'file',
  'schema',
  'personal-data',
  'suppression',
] as const;
