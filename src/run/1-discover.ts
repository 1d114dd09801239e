import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model/index.js';
import { CONFIG_FILE_NAME } from '../model/index.js';
import { displayPath } from '../base/paths.js';
import { specialKind } from '../load/read-input.js';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Path shown to people: relative to the working directory, forward slashes. */
  display: string;
}

export interface Discovery {
  files: FoundFile[];
  diagnostics: Diagnostic[];
}

const EVIDENCE_FILE = /\.ya?ml$/i;

function problem(path: string, code: string, message: string): Diagnostic {
  return { code, severity: 'warn', file: displayPath(path), line: 1, column: 1, message };
}

/** True when `child` is `root` or lies inside it. */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Every evidence file below `root`, sorted by path. Hidden folders and
 * node_modules are skipped; symbolic links are followed only when they stay
 * inside the root, and each real folder is read once, so loops end.
 */
export function discover(root: string): Discovery {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const realRoot = realpathSync(root);
  const seenDirs = new Set<string>();

  const walk = (dir: string, realDir: string): void => {
    if (seenDirs.has(realDir)) {
      diagnostics.push(
        problem(
          dir,
          'file/symlink-loop',
          'this folder was already read through another link; skipped to avoid a loop',
        ),
      );
      return;
    }
    seenDirs.add(realDir);
    let entries: Dirent[];
    try {
      // The entries' types come with the listing: no stat per file.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push({
        ...problem(
          dir,
          'file/unreadable',
          `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`,
        ),
        severity: 'error',
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      let stats: Dirent | Stats = entry;
      const isLink = entry.isSymbolicLink();
      let real = path;
      if (isLink) {
        try {
          real = realpathSync(path);
          stats = statSync(real);
        } catch {
          diagnostics.push(
            problem(path, 'file/broken-link', 'symbolic link points nowhere; skipped'),
          );
          continue;
        }
        if (!isInside(realRoot, real)) {
          diagnostics.push(
            problem(
              path,
              'file/link-outside',
              'symbolic link points outside the evidence folder; skipped (copy the file in instead)',
            ),
          );
          continue;
        }
      }
      if (stats.isDirectory()) {
        walk(path, isLink ? real : realpathSync(path));
      } else if (stats.isFile() && EVIDENCE_FILE.test(name) && name !== CONFIG_FILE_NAME) {
        files.push({ path, display: displayPath(path) });
      } else if (!stats.isFile() && EVIDENCE_FILE.test(name)) {
        // Never opened: reading a FIFO would wait for a writer.
        diagnostics.push(
          problem(
            path,
            'file/not-a-file',
            `this is ${specialKind(stats) ?? 'not a file'}, not a file; skipped (remove it or rename it so it does not end in .yaml)`,
          ),
        );
      }
    }
  };

  walk(root, realRoot);
  return { files, diagnostics };
}
