export const CATEGORIES = [
  'peoples-experience',
  'staff-and-leaders',
  'partners',
  'observation',
  'processes',
  'outcomes',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const JUDGEMENTS = [
  'exceptional',
  'strength',
  'shortfall',
  'significant-shortfall',
] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

export const STATUSES = ['planned', 'in-progress', 'embedded'] as const;
export type Status = (typeof STATUSES)[number];

/** The frameworks cqc-score scores against. */
export const FRAMEWORK_IDS = ['local-authority', 'provider'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** Where something sits in an evidence file. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

/** One evidence item after validation, with its statements resolved to ids. */
export interface EvidenceItem {
  ref: SourceRef;
  /** The item's `id`, or a stable one derived from its file and position. */
  key: string;
  framework: FrameworkId;
  statements: string[];
  title: string;
  category: Category;
  summary: string;
  date?: string;
  source?: string;
  judgement?: Judgement;
  status?: Status;
  tags: string[];
  metrics: Record<string, number>;
  reference?: string;
  /** Whole months between `date` and the as-of date; undefined when no date. */
  ageMonths?: number;
  stale: boolean;
}

/** An item left out of scoring because of an error, with the statements it names. */
export interface ExcludedItem {
  ref: SourceRef;
  statements: string[];
}
