import type { Diagnostic } from './diagnostic.js';
import type { Category, FrameworkId, Judgement, SourceRef, Status } from './evidence.js';
import type { Effect } from './rubric.js';
import type { RoundingPolicy, ScoringMethod } from './config.js';

export type Score = 1 | 2 | 3 | 4;
export type Rating = 'outstanding' | 'good' | 'requires-improvement' | 'inadequate';

/** Why an item has the judgement it has. */
export interface JudgementBasis {
  judgement: Judgement;
  /** `explicit` when the author wrote it, `inferred` when rules suggested it. */
  how: 'explicit' | 'inferred';
  /** For inferred judgements: the rules and the words that decided. */
  rules: { rule: string; words: string }[];
}

export interface Finding {
  rule: string;
  text: string;
  effect: Effect;
  indicator: string;
  /** The evidence the finding rests on. */
  evidence: SourceRef[];
  /** The words in the evidence that matched, when the rule read text. */
  words?: string;
}

export type GapKind =
  | 'no-evidence'
  | 'missing-category'
  | 'no-peoples-experience'
  | 'single-source'
  | 'stale-evidence'
  | 'unjudged-item'
  | 'evidence-in-error';

export interface Gap {
  kind: GapKind;
  message: string;
  evidence: SourceRef[];
}

export interface CategoryScore {
  category: Category;
  score: Score;
  items: number;
}

export type Band = 'lower' | 'upper';

export interface StatementResult {
  id: string;
  title: string;
  group: string;
  description: string;
  /** null when not assessed: no current evidence. */
  score: Score | null;
  label: string | null;
  /** Percentage behind the score (25–100), before rounding. */
  percentExact: number | null;
  /** Whole per cent after the rounding policy. */
  percent: number | null;
  /** Whether the percentage sits in the lower or upper half of its band. */
  band: Band | null;
  /** True when the exact percentage falls between two bands and rounding decided. */
  onEdge: boolean;
  method: ScoringMethod;
  categoryScores: CategoryScore[];
  /**
   * How far the score can be trusted: `summary` says why in plain words. Any
   * judgement inferred from wording keeps it below high; mostly inferred, low.
   */
  confidence: { level: 'high' | 'medium' | 'low'; summary: string; reasons: string[] } | null;
  counts: Record<Judgement | 'unjudged' | 'stale', number>;
  findings: Finding[];
  gaps: Gap[];
  /** The shortfalls that hold the score down, most important first. */
  toLift: string[];
  items: StatementItem[];
  /** How many items naming this statement were left out of its score because of errors. */
  excludedItems: number;
  /** Where those items are. */
  excluded: SourceRef[];
}

/** An evidence item naming a statement, with what a report quotes from it. */
export interface StatementItem {
  ref: SourceRef;
  title: string;
  basis: JudgementBasis | null;
  stale: boolean;
  category: Category;
  summary: string;
  source?: string;
  date?: string;
  status?: Status;
  /** The item's figures, when it has any. */
  metrics?: Record<string, number>;
}

export interface GroupResult {
  id: string;
  title: string;
  statements: string[];
  scored: number;
  total: number | null;
  percentExact: number | null;
  percent: number | null;
  rating: Rating | null;
  onEdge: boolean;
}

export interface Overall {
  rating: Rating | null;
  /** Set when CQC's principles do not decide the rating. */
  judgementNeeded: boolean;
  percent: number | null;
  percentExact: number | null;
  band: Band | null;
  scored: number;
  of: number;
  /** How the overall rating was reached, in words. */
  basis: string;
  /** True when the exact percentage falls between two bands and the rounding policy decided. */
  onEdge: boolean;
  /**
   * While some statements are not assessed: the lowest and highest overall
   * rating the framework's arithmetic allows once they are (each scored
   * anywhere from 1 to 4). null when every statement is scored.
   */
  range: { lowest: Rating; highest: Rating } | null;
}

export interface ScoreResult {
  schemaVersion: 1;
  tool: { name: 'cqc-score'; version: string };
  framework: FrameworkId;
  asOf: string;
  method: ScoringMethod;
  rounding: RoundingPolicy;
  /** The evidence folder, relative to the working directory ('.' for itself); item paths start with it. */
  folder: string;
  files: number;
  items: number;
  statements: StatementResult[];
  groups: GroupResult[];
  overall: Overall;
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number };
  /**
   * True when the result may change once the evidence is fixed or completed:
   * items were left out because of errors, or statements are not assessed.
   */
  provisional: boolean;
  /** How many items were left out of scoring because of errors, in all. */
  excludedItems: number;
  /**
   * Where each of them is, in file order, including those that name no
   * statement that can be told (absent from results written before it was added).
   */
  excluded?: SourceRef[];
  /** Set with `--baseline`: what changed since that result. */
  changes?: Changes;
}

/** A finding named by its statement and rule, for comparing two results. */
export interface FindingChange {
  statement: string;
  rule: string;
  text: string;
  effect: Effect;
}

/** How one statement moved since the baseline. */
export interface StatementChange {
  id: string;
  title: string;
  before: Score | null;
  after: Score | null;
  /** `up` or `down` when the score moved; `same` when only findings changed. */
  direction: 'up' | 'down' | 'same';
}

/** What changed since a previous JSON result (`--baseline`). */
export interface Changes {
  baseline: { asOf: string; toolVersion: string };
  overall: { before: Rating | null; after: Rating | null };
  /** Statements whose score or findings changed, in framework order. */
  statements: StatementChange[];
  newFindings: FindingChange[];
  resolvedFindings: FindingChange[];
}
