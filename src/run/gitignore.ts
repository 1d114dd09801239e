/**
 * `.gitignore` files, read the way git reads them: each applies to the paths
 * below its own folder, and the deepest file that says anything about a path
 * decides (so a `!negation` further down wins). Files are read once each.
 * The `ignore` package, which ESLint also uses, holds the pattern rules.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { DEFAULT_INPUT_LIMIT, readInput } from '../load/read-input.js';

export class GitIgnores {
  private readonly perFolder = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  private rules(folder: string): Ignore | null {
    const known = this.perFolder.get(folder);
    if (known !== undefined) return known;
    const file = join(folder, '.gitignore');
    let rules: Ignore | null = null;
    if (existsSync(file)) {
      // Read like every input: a FIFO named .gitignore never blocks the run.
      const read = readInput(file, DEFAULT_INPUT_LIMIT);
      try {
        // The package is CommonJS: its function is the default export's `default`.
        rules = read.kind === 'read' ? ignore.default().add(read.bytes.toString('utf8')) : null;
      } catch {
        rules = null;
      }
    }
    this.perFolder.set(folder, rules);
    return rules;
  }

  /** The working tree's top folder: the nearest one holding `.git`, else the filesystem root. */
  private root(folder: string): string {
    const known = this.roots.get(folder);
    if (known !== undefined) return known;
    const parent = dirname(folder);
    const found =
      existsSync(join(folder, '.git')) || parent === folder ? folder : this.root(parent);
    this.roots.set(folder, found);
    return found;
  }

  ignores(path: string, isDir: boolean): boolean {
    const top = this.root(dirname(path));
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const rules = this.rules(folder);
      if (rules) {
        const rel = relative(folder, path).split(sep).join('/') + (isDir ? '/' : '');
        const verdict = rules.test(rel);
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (folder === top || dirname(folder) === folder) return false;
    }
  }
}
