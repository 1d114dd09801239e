/**
 * Step 3: check every read file against the evidence format (validate/),
 * then ids across the whole repository. Items with an error are left out of
 * scoring and counted, never silently dropped.
 */
import type { Config, Diagnostic, EvidenceItem, ExcludedItem } from '../model/index.js';
import type { ParsedFile } from '../load/parse.js';
import { evidenceChecker, findDuplicateIds } from '../validate/evidence.js';
import type { IdUse } from '../validate/evidence.js';

export interface Validated {
  /** The items that count, in file order. */
  items: EvidenceItem[];
  /** Items left out of scoring because of an error. */
  excluded: ExcludedItem[];
  diagnostics: Diagnostic[];
}

export function validateFiles(files: Iterable<ParsedFile>, config: Config): Validated {
  const checker = evidenceChecker(config);
  const items: EvidenceItem[] = [];
  const excluded: ExcludedItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids: IdUse[] = [];
  for (const parsed of files) {
    const checked = checker.check(parsed);
    for (const use of checked.ids)
      ids.push(use.item >= 0 ? { ...use, item: use.item + items.length } : use);
    // Loops, not spreads: one file may hold more than a call has room for arguments.
    for (const item of checked.items) items.push(item);
    for (const item of checked.excluded) excluded.push(item);
    for (const d of checked.diagnostics) diagnostics.push(d);
  }
  // An id used again: the later item is an error and is left out.
  const { drop, diagnostics: idProblems } = findDuplicateIds(ids);
  for (const d of idProblems) diagnostics.push(d);
  const kept = items.filter((item, index) => {
    if (!drop.has(index)) return true;
    excluded.push({ ref: item.ref, statements: item.statements });
    return false;
  });
  return { items: kept, excluded, diagnostics };
}
