/**
 * Where the package's own files are. Every path is taken from the package
 * root, found from this module: dist/base/paths.js as a module of its own,
 * or dist/cqc-score.js inside the bundled CLI.
 */
import { lstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether this code runs from the bundled CLI rather than from dist/'s modules. */
export const BUNDLED = import.meta.url.endsWith('/cqc-score.js');

/** The package's root folder (the one holding package.json). */
export const PACKAGE_ROOT = fileURLToPath(new URL(BUNDLED ? '../' : '../../', import.meta.url));

/** A file or folder of the package, by its path from the root. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/** `require` for the package's JSON and CommonJS files and its dependencies. */
export const packageRequire = createRequire(join(PACKAGE_ROOT, 'package.json'));

/**
 * Why a path that cannot be opened is not plainly missing, in words for a
 * message: a link loop, or a link to nothing, since "does not exist" sends
 * people looking for a file that is plainly there. Undefined when it is
 * simply not there.
 */
export function brokenLink(path: string): string | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      return 'is a link loop (each link leads to another, never to a file); remove or correct the link';
    try {
      if (lstatSync(path).isSymbolicLink())
        return 'is a link to something that does not exist; remove or correct the link';
    } catch {
      // Not even a link: plainly missing.
    }
    return undefined;
  }
}

/** A path as shown to people: relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel === '' ? '.' : isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}
