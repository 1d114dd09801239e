// Types for scripts/bench/generate.js (used by test/bench/generate.test.ts).

export type FileKind = 'valid' | 'bad-key' | 'wrong-enum' | 'malformed';

export interface GeneratedFile {
  /** Relative, '/'-separated path inside the repository. */
  path: string;
  text: string;
  kind: FileKind;
}

export interface RepoStamp {
  generator: number;
  seed: number;
  files: number;
  itemsPerFile: number;
  kinds: Record<FileKind, number>;
  bytes: number;
}

export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const AS_OF: string;
export const ITEMS_PER_FILE: number;
export const INVALID_EVERY: number;
export const STAMP_FILE: string;
export const CONFIG_TEXT: string;

export function prng(seed: number): () => number;
export function fileKind(index: number): FileKind;
export function generateFile(seed: number, index: number): GeneratedFile;
export function writeRepo(dir: string, files: number, seed?: number): RepoStamp;
export function ensureRepo(
  dir: string,
  files: number,
  seed?: number,
): RepoStamp & { regenerated: boolean };
