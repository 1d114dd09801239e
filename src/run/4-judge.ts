/**
 * Step 4: judge every item against the rules of each statement it names
 * (score/judge.ts). Judging returns verdicts of its own; the items are never
 * changed.
 */
import type { EvidenceItem } from '../model/index.js';
import { ItemText, judgeItem } from '../score/judge.js';
import type { Verdict } from '../score/judge.js';
import type { RuleSet } from '../score/rubrics.js';

/** Each statement's verdicts, one per item naming it, in item order. */
export type Verdicts = Map<string, Verdict[]>;

export function judgeItems(items: readonly EvidenceItem[], rules: RuleSet): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const item of items) {
    // An item's words are read once, however many statements judge it.
    const text = new ItemText(item);
    for (const statement of item.statements) {
      const list = verdicts.get(statement) ?? [];
      list.push(judgeItem(item, rules.forStatement(statement), text));
      verdicts.set(statement, list);
    }
  }
  return verdicts;
}
