/**
 * Where each diagnostic code is documented: a section of docs/codes.md,
 * linked from SARIF (`helpUri`) and from the terminal with --verbose.
 * One fixed address (the project's site, like the schemas' `$id`), so
 * reports stay byte-identical wherever the package was installed from.
 */
export const CODES_DOCUMENT = 'https://cqc-score.dev/docs/codes.md';

/** The heading anchor GitHub gives `### yaml/colon-in-value`: lower case, punctuation other than "-" dropped. */
export function codeAnchor(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** The address of a code's section in docs/codes.md. */
export function codeHelpUri(code: string): string {
  return `${CODES_DOCUMENT}#${codeAnchor(code)}`;
}
