/**
 * The source reads as a pipeline: each folder of src/ imports only from
 * itself and the folders before it, and no module imports itself through a
 * cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/** The folders of src/, in pipeline order. */
const ORDER = [
  'model',
  'base',
  'load',
  'schema',
  'frameworks',
  'validate',
  'score',
  'report',
  'run',
  'calibrate',
  'cli',
];

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
    });
}

const IMPORT = /^\s*(?:import|export)\b[^'";]*?from\s+'(\.{1,2}\/[^']+)'/gm;

/** Each module's relative imports, as paths of modules under src/. */
const graph = new Map<string, string[]>(
  sources(SRC).map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) =>
      relative(SRC, resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))),
    );
    return [relative(SRC, file), targets];
  }),
);

const folderOf = (module: string): string => module.split('/')[0] as string;

describe('the layout of src/', () => {
  it('has no module outside the pipeline folders', () => {
    expect([...graph.keys()].filter((m) => !ORDER.includes(folderOf(m)))).toEqual([]);
  });

  it('imports only from the same folder or one before it in the pipeline', () => {
    const backwards = [...graph].flatMap(([module, targets]) =>
      targets
        .filter((t) => ORDER.indexOf(folderOf(t)) > ORDER.indexOf(folderOf(module)))
        .map((t) => `${module} -> ${t}`),
    );
    expect(backwards).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, path: string[]): void => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...path.slice(path.indexOf(module)), module].join(' -> '));
        return;
      }
      state.set(module, 'open');
      for (const target of graph.get(module) ?? []) visit(target, [...path, module]);
      state.set(module, 'done');
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });
});
