import type { Config, EvidenceItem, StatementResult } from '../model/index.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import { judgeItem } from './judge.js';
import type { Verdict } from './judge.js';
import type { RuleSet } from './rubrics.js';
import { scoreStatement } from './statement.js';

export { loadRules } from './rubrics.js';
export type { RuleSet } from './rubrics.js';
export { rollUp } from './rollup.js';
export type { Verdict } from './judge.js';

/** Every statement of the framework scored from its items; statements without evidence are not assessed. */
export interface ScoreOptions {
  /** Receives each statement's item verdicts, for `explain`. */
  onVerdicts?: (statement: string, verdicts: readonly Verdict[]) => void;
  /** Verdicts already worked out (on worker threads); others are judged here. */
  verdictOf?: (item: EvidenceItem, statement: string) => Verdict | undefined;
}

/** Every statement of the framework scored from its items; statements without evidence are not assessed. */
export function scoreStatements(
  catalogue: Catalogue,
  rules: RuleSet,
  items: readonly EvidenceItem[],
  config: Config,
  options: ScoreOptions = {},
): StatementResult[] {
  const byStatement = new Map<string, EvidenceItem[]>();
  for (const item of items) {
    for (const statement of item.statements) {
      const list = byStatement.get(statement) ?? [];
      list.push(item);
      byStatement.set(statement, list);
    }
  }
  return catalogue.statements.map((def) => {
    const statementItems = byStatement.get(def.id) ?? [];
    const statementRules = rules.forStatement(def.id);
    const verdicts = statementItems.map(
      (item) => options.verdictOf?.(item, def.id) ?? judgeItem(item, statementRules),
    );
    options.onVerdicts?.(def.id, verdicts);
    return scoreStatement({ def, items: statementItems, verdicts, rules: statementRules }, config);
  });
}
