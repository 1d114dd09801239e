/**
 * Step 5: score each statement of the framework from its verdicts, then
 * roll the scores up the way CQC does (score/).
 */
import type {
  Config,
  ExcludedItem,
  GroupResult,
  Overall,
  StatementResult,
} from '../model/index.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import { rollUp } from '../score/rollup.js';
import type { RuleSet } from '../score/rubrics.js';
import { scoreStatement } from '../score/statement.js';
import type { Verdicts } from './4-judge.js';

export interface Scored {
  statements: StatementResult[];
  groups: GroupResult[];
  overall: Overall;
}

export function scoreAll(
  catalogue: Catalogue,
  rules: RuleSet,
  verdicts: Verdicts,
  excluded: readonly ExcludedItem[],
  config: Config,
): Scored {
  const statements = catalogue.statements.map((def) => {
    const own = verdicts.get(def.id) ?? [];
    return scoreStatement(
      {
        def,
        verdicts: own,
        rules: rules.forStatement(def.id),
        excluded: excluded.filter((item) => item.statements.includes(def.id)),
      },
      config,
    );
  });
  const { groups, overall } = rollUp(catalogue, statements, config);
  return { statements, groups, overall };
}
