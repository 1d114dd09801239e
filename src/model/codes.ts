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

/**
 * The codes above, about what evidence says, have no family of their own;
 * `rules:` and suppressions may also name them `evidence/CODE`, and all of
 * them at once `evidence/*`.
 */
export const EVIDENCE_FAMILY = 'evidence';

export const DIAGNOSTIC_FAMILIES = [
  'yaml',
  'file',
  'schema',
  'personal-data',
  'suppression',
] as const;
