/**
 * Step 1: find the evidence files the command line names. Each input is a
 * folder (walked), a file (taken as it is), a glob (`evidence/la/*.yaml`,
 * matched below its fixed part) or `-` (one document from standard input).
 * Files matching an ignore pattern, or a `.gitignore` with --gitignore, are
 * skipped; a file named outright that is ignored says so.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../model/index.js';
import { CONFIG_FILE_NAME } from '../model/index.js';
import { displayPath, brokenLink } from '../base/paths.js';
import { FatalError } from '../base/errors.js';
import { specialKind } from '../load/read-input.js';
import { GitIgnores } from './gitignore.js';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Path shown to people: relative to the working directory, forward slashes. */
  display: string;
  /** The file's bytes when they do not come from the disk (standard input). */
  content?: Buffer;
}

export interface Discovery {
  files: FoundFile[];
  diagnostics: Diagnostic[];
}

/** Glob patterns of files to skip, each read from the folder it is relative to. */
export interface IgnorePatterns {
  base: string;
  patterns: readonly string[];
}

export interface DiscoverOptions {
  ignore?: readonly IgnorePatterns[];
  /** Skip what `.gitignore` files ignore. */
  gitignore?: boolean;
  /** One document read from standard input, for the input `-`. */
  stdin?: { content: Buffer; filename?: string };
  cwd?: string;
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

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Decides whether a path is ignored, by the patterns and, if asked, by `.gitignore` files. */
class Ignorer {
  private readonly matchers: { base: string; anchored: Matcher; anywhere: Matcher }[];
  private readonly git: GitIgnores | undefined;

  constructor(
    options: DiscoverOptions,
    private readonly cwd: string,
  ) {
    this.matchers = (options.ignore ?? [])
      .filter((set) => set.patterns.length > 0)
      .map((set) => {
        const patterns = set.patterns.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
        // A pattern without a slash matches a name anywhere (`mkdocs.yml`,
        // `drafts`), even outside its base; one with a slash is relative to the base.
        return {
          base: resolve(cwd, set.base),
          anchored: matcher(patterns.filter((p) => p.includes('/'))),
          anywhere: matcher(patterns.filter((p) => !p.includes('/'))),
        };
      });
    this.git = options.gitignore ? new GitIgnores() : undefined;
  }

  ignores(path: string, isDir: boolean): boolean {
    const name = basename(path);
    for (const { base, anchored, anywhere } of this.matchers) {
      if (anywhere(name)) return true;
      if (isInside(base, path) && anchored(toPosix(relative(base, path)))) return true;
    }
    return this.git?.ignores(path, isDir) ?? false;
  }

  /**
   * A file named outright (or standard input's name): ignored itself, or in an
   * ignored folder, as it would be when its folder is read. Only folders below
   * the working folder or a pattern's base count, so a pattern such as `tmp`
   * does not ignore everything under /tmp.
   */
  ignoresNamed(path: string): boolean {
    if (this.ignores(path, false)) return true;
    const roots = [this.cwd, ...this.matchers.map((m) => m.base)];
    const below = (dir: string): boolean => roots.some((r) => dir !== r && isInside(r, dir));
    for (let dir = dirname(path); below(dir); dir = dirname(dir))
      if (this.ignores(dir, true)) return true;
    return false;
  }
}

type Matcher = (path: string) => boolean;

function matcher(patterns: string[]): Matcher {
  return patterns.length === 0 ? () => false : picomatch(patterns, { dot: true });
}

/** Walks one folder, adding every evidence file below it that `accept` takes. */
function walkFolder(
  root: string,
  ignorer: Ignorer,
  accept: (path: string) => boolean,
  add: (file: FoundFile) => void,
  diagnostics: Diagnostic[],
): void {
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
        if (!ignorer.ignores(path, true)) walk(path, isLink ? real : realpathSync(path));
      } else if (
        stats.isFile() &&
        EVIDENCE_FILE.test(name) &&
        name !== CONFIG_FILE_NAME &&
        accept(path) &&
        !ignorer.ignores(path, false)
      ) {
        add({ path, display: displayPath(path) });
      } else if (
        !stats.isFile() &&
        EVIDENCE_FILE.test(name) &&
        accept(path) &&
        !ignorer.ignores(path, false)
      ) {
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
}

/** Whether an input is a glob rather than a path. */
export function isGlob(input: string): boolean {
  return picomatch.scan(input).isGlob;
}

/**
 * The folder an input reads evidence from: a folder itself, a file's folder,
 * a glob's fixed part; undefined for standard input or a path that is not there.
 */
export function inputFolder(input: string, cwd: string = process.cwd()): string | undefined {
  if (input === '-') return undefined;
  if (isGlob(input)) return resolve(cwd, picomatch.scan(input).base || '.');
  const path = resolve(cwd, input);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return undefined;
  }
}

/** The folder configuration is looked for from: the first input's folder. */
export function configStart(inputs: readonly string[], options: DiscoverOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const first = inputs[0] ?? '.';
  if (first === '-')
    return options.stdin?.filename ? dirname(resolve(cwd, options.stdin.filename)) : cwd;
  return inputFolder(first, cwd) ?? cwd;
}

/**
 * Every evidence file the inputs name, each once. Files come out in the
 * order found; the run sorts them by path. A path that does not exist is a
 * usage error; a glob that matches nothing simply adds nothing.
 */
export function discoverInputs(
  inputs: readonly string[],
  options: DiscoverOptions = {},
): Discovery {
  const cwd = options.cwd ?? process.cwd();
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (file: FoundFile): void => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    files.push(file);
  };
  const ignorer = new Ignorer(options, cwd);

  for (const input of inputs) {
    if (input === '-') {
      const name = options.stdin?.filename;
      const path = name ? resolve(cwd, name) : join(cwd, '<stdin>');
      // As a file named outright: an editor linting an ignored file hears why nothing is checked.
      if (name && ignorer.ignoresNamed(path)) {
        diagnostics.push({
          ...problem(
            path,
            'file/ignored',
            'standard input is named as a file that matches an ignore pattern; skipped',
          ),
        });
        continue;
      }
      add({
        path,
        display: name ? displayPath(path, cwd) : '<stdin>',
        content: options.stdin?.content ?? Buffer.alloc(0),
      });
      continue;
    }
    if (isGlob(input)) {
      const { base } = picomatch.scan(input);
      const root = resolve(cwd, base || '.');
      const match = picomatch(toPosix(resolve(cwd, input)), { dot: true });
      let isDir = false;
      try {
        isDir = statSync(root).isDirectory();
      } catch {
        // A glob below a folder that does not exist matches nothing.
      }
      if (isDir) walkFolder(root, ignorer, (path) => match(toPosix(path)), add, diagnostics);
      continue;
    }
    const path = resolve(cwd, input);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      const link = brokenLink(path);
      throw new FatalError(
        link
          ? `${input} ${link}`
          : `${input}: no such file or folder; give evidence folders, files or globs`,
      );
    }
    if (stats.isDirectory()) walkFolder(path, ignorer, () => true, add, diagnostics);
    else if (ignorer.ignoresNamed(path))
      diagnostics.push({
        ...problem(
          path,
          'file/ignored',
          'this file is named on the command line but matches an ignore pattern; skipped',
        ),
      });
    else add({ path, display: displayPath(path, cwd) });
  }
  return { files, diagnostics };
}

/** Every evidence file below one folder (the whole of `cqc-score DIR`). */
export function discover(root: string): Discovery {
  return discoverInputs([root]);
}
