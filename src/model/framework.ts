import type { Category, FrameworkId } from './evidence.js';

export interface StatementDef {
  id: string;
  title: string;
  aliases: string[];
  /** Evidence categories CQC expects for this statement. */
  categories: Category[];
  /** What the statement expects of the organisation, in a sentence or two of our own words. */
  expects: string;
  /** What CQC looks at, in our words. */
  description: string;
  /** The theme (local authority) or key question (provider) it belongs to. */
  group: string;
}

export interface GroupDef {
  id: string;
  title: string;
  statements: string[];
}

export interface Framework {
  id: FrameworkId;
  title: string;
  /** "theme" or "key question". */
  groupNoun: string;
  groups: GroupDef[];
  statements: StatementDef[];
}
