// The benchmark generator (scripts/bench/generate.js) is deterministic and its
// valid files are valid evidence. No timings here: `npm run bench` measures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFIG_TEXT,
  DEFAULT_SEED,
  INVALID_EVERY,
  ITEMS_PER_FILE,
  ensureRepo,
  fileKind,
  generateFile,
  writeRepo,
} from '../../scripts/bench/generate.js';
import { runCli } from '../helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqc-score-bench-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeFiles(dir: string, indices: number[]): void {
  writeFileSync(join(dir, 'cqc-score.yaml'), CONFIG_TEXT);
  for (const i of indices) {
    const file = generateFile(DEFAULT_SEED, i);
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}

describe('benchmark generator', () => {
  it('writes the same files for the same seed', () => {
    const a = tempDir();
    const b = tempDir();
    const stampA = writeRepo(a, 8, 42);
    const stampB = writeRepo(b, 8, 42);
    expect(stampA).toEqual(stampB);
    for (let i = 0; i < 8; i++) {
      const { path } = generateFile(42, i);
      expect(readFileSync(join(a, path), 'utf8')).toBe(readFileSync(join(b, path), 'utf8'));
    }
    expect(readFileSync(join(a, 'cqc-score.yaml'), 'utf8')).toBe(CONFIG_TEXT);
  });

  it('depends on the seed and the file index only', () => {
    expect(generateFile(7, 3)).toEqual(generateFile(7, 3));
    expect(generateFile(7, 3).text).not.toBe(generateFile(8, 3).text);
    expect(generateFile(7, 3).text).not.toBe(generateFile(7, 4).text);
  });

  it('regenerates only when the stamp does not match', () => {
    const dir = tempDir();
    expect(ensureRepo(dir, 3, 5).regenerated).toBe(true);
    expect(ensureRepo(dir, 3, 5).regenerated).toBe(false);
    expect(ensureRepo(dir, 4, 5).regenerated).toBe(true);
  });

  it('makes about 0.5% of files invalid, in three ways', () => {
    const kinds = Array.from({ length: 10 * INVALID_EVERY }, (_, i) => fileKind(i));
    expect(kinds.filter((k) => k === 'valid')).toHaveLength(10 * INVALID_EVERY - 10);
    expect(new Set(kinds)).toEqual(new Set(['valid', 'bad-key', 'wrong-enum', 'malformed']));
  });

  it('writes valid evidence that cqc-score validate accepts', async () => {
    const dir = tempDir();
    const indices = [0, 1, 2, 3, 4, 5, 17, 123];
    writeFiles(dir, indices);
    const run = await runCli(['validate', dir, '--format', 'json']);
    const result = JSON.parse(run.stdout) as {
      files: number;
      items: number;
      summary: { errors: number };
    };
    expect(result.summary.errors).toBe(0);
    expect(result.files).toBe(indices.length);
    expect(result.items).toBe(indices.length * ITEMS_PER_FILE);
    expect(run.code).toBe(0);
  });

  it('writes invalid files that cqc-score validate rejects', async () => {
    const dir = tempDir();
    const indices = [INVALID_EVERY - 1, 2 * INVALID_EVERY - 1, 3 * INVALID_EVERY - 1];
    expect(indices.map(fileKind)).toEqual(['bad-key', 'wrong-enum', 'malformed']);
    writeFiles(dir, indices);
    const run = await runCli(['validate', dir, '--format', 'json']);
    const result = JSON.parse(run.stdout) as { diagnostics: { severity: string; code: string }[] };
    const codes = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['schema/unknown-key', 'schema/enum', 'yaml/syntax']),
    );
    expect(run.code).toBe(1);
  });
});
