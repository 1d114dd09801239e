import type { Category, Judgement, Status } from './evidence.js';

/** What a fired rule says about the evidence. */
export type Effect = Judgement;

export interface TextCondition {
  /** Phrases matched as whole words, case-insensitively. */
  any?: string[];
  /** Regular expressions (source only, case-insensitive). */
  patterns?: string[];
  /** Which fields to read; default title and summary. */
  fields?: ('title' | 'summary' | 'source')[];
  /** When true (the default) a phrase preceded by a negation does not match. */
  negatable?: boolean;
}

export interface MetricCondition {
  name: string;
  op: '>' | '>=' | '<' | '<=' | '==' | '!=';
  value: number;
}

export interface AgeCondition {
  op: '>' | '>=' | '<' | '<=';
  months: number;
}

export interface ComparisonCondition {
  /** What the comparison must come out as. */
  says: 'better' | 'worse' | 'similar';
}

/** A condition tree: exactly one key per node. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { category: Category[] }
  | { judgement: Judgement[] }
  | { status: Status[] }
  | { tags: { any?: string[]; all?: string[] } }
  | { metric: MetricCondition }
  | { age: AgeCondition }
  | { text: TextCondition }
  | { comparison: ComparisonCondition };

/**
 * A sentence a rule is checked against: the item's summary, or an item with
 * the fields that matter (category, metrics...).
 */
export type RuleExample =
  | string
  | {
      title?: string;
      summary?: string;
      source?: string;
      category?: Category;
      judgement?: Judgement;
      status?: Status;
      tags?: string[];
      metrics?: Record<string, number>;
    };

/** Items a rule must fire on, and items on which it must stay quiet. */
export interface RuleExamples {
  fire: RuleExample[];
  quiet: RuleExample[];
}

export interface Rule {
  id: string;
  /** The finding, a short sentence in our words. */
  finding: string;
  effect: Effect;
  /** The indicator it belongs to, used to group findings in reports. */
  indicator?: string;
  when: Condition;
  /** How strongly it counts when inferring a judgement (default 1). */
  weight?: number;
  /** What the rule must and must not fire on; run by the rule test and `cqc-score rubrics --test`. */
  examples?: RuleExamples;
  /** Where the rule was loaded from, for `explain` and error messages. */
  origin?: { file: string; line: number };
}

export interface Rubric {
  /** Statement id, or `*` for cue rules shared by every statement. */
  statement: string;
  framework?: 'local-authority' | 'provider' | 'any';
  rules: Rule[];
  file?: string;
}
