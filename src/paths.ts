/**
 * Where the package's own files are. Every path is taken from the package
 * root, found from this module: it sits directly in dist/, both as its own
 * module and inside the bundled CLI (dist/cqc-score.js), so the same code
 * finds the same files either way.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (the one holding package.json). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A file or folder of the package, by its path from the root. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/** `require` for the package's JSON and CommonJS files and its dependencies. */
export const packageRequire = createRequire(join(PACKAGE_ROOT, 'package.json'));

/** Whether this code runs from the bundled CLI rather than from dist/'s modules. */
export const BUNDLED = import.meta.url.endsWith('/cqc-score.js');
