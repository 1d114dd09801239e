import type { Diagnostic } from '../model/index.js';

/** One use of an explicit id: the item's index among the run's kept items (-1 if it was left out). */
export interface IdUse {
  id: string;
  item: number;
  /** Line of the item, for "already used at" (the file is the one in `at`). */
  line: number;
  /** Position of the `id` key, where a duplicate is reported. */
  at: { file: string; line: number; column: number };
}

/**
 * Ids must be unique across the repository. Given every use in file order,
 * reports each use after the first and says which kept items (by index) to
 * leave out.
 */
export function findDuplicateIds(uses: readonly IdUse[]): {
  drop: Set<number>;
  diagnostics: Diagnostic[];
} {
  const first = new Map<string, IdUse>();
  const diagnostics: Diagnostic[] = [];
  const drop = new Set<number>();
  for (const use of uses) {
    const earlier = first.get(use.id);
    if (earlier === undefined) {
      first.set(use.id, use);
      continue;
    }
    diagnostics.push({
      code: 'duplicate-id',
      severity: 'error',
      ...use.at,
      message: `id "${use.id}" is already used at ${earlier.at.file}:${earlier.line}; ids must be unique across the repository`,
    });
    if (use.item >= 0) drop.add(use.item);
  }
  return { drop, diagnostics };
}
