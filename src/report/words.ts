/** Words shared by the formatters, so every format names things the same way. */
import { plural } from '../base/plural.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type {
  Effect,
  FrameworkId,
  Overall,
  Rating,
  ScoreResult,
  SourceRef,
  StatementResult,
} from '../model/index.js';
import { RATING_LABELS } from '../score/arithmetic.js';

export const EFFECT_LABELS: Record<Effect, string> = {
  exceptional: 'Exceptional',
  strength: 'Strength',
  shortfall: 'Shortfall',
  'significant-shortfall': 'Significant shortfall',
};

export const DISCLAIMER =
  'These scores are suggestions worked out by cqc-score from your own evidence. They are not CQC scores or ratings: CQC reaches its own judgements from its own assessment.';

export function isShortfall(effect: Effect): boolean {
  return effect === 'shortfall' || effect === 'significant-shortfall';
}

export function ratingLabel(rating: Rating | null): string {
  return rating ? RATING_LABELS[rating] : 'not rated';
}

export function overallLabel(overall: Overall): string {
  if (overall.rating) return RATING_LABELS[overall.rating];
  return overall.judgementNeeded ? 'professional judgement needed' : 'not rated';
}

/**
 * Why the overall result is provisional even when every statement is
 * assessed: items left out because of errors, which could change it; with
 * `where`, the first few named by file and line.
 */
export function leftOutWords(result: ScoreResult, where = false): string | undefined {
  const n = result.excludedItems;
  if (n === 0) return undefined;
  const refs = [
    ...new Set(
      (result.excluded ?? result.statements.flatMap((s) => s.excluded)).map((ref) => refText(ref)),
    ),
  ];
  const shown =
    refs.slice(0, 3).join(', ') + (refs.length > 3 ? ` and ${refs.length - 3} more` : '');
  return `${plural(n, 'item')} left out because of errors${where ? ` (${shown})` : ''}, so it may change once ${n === 1 ? 'that is' : 'they are'} fixed`;
}

export function frameworkTitle(id: FrameworkId): string {
  return loadFramework(id).title;
}

export function refText(ref: SourceRef): string {
  return `${ref.file}:${ref.line}`;
}

/** Statements in report order: by group, then as the framework lists them. */
export function statementsInOrder(
  result: ScoreResult,
): { group: ScoreResult['groups'][number]; statements: StatementResult[] }[] {
  const byId = new Map(result.statements.map((s) => [s.id, s]));
  return result.groups.map((group) => ({
    group,
    statements: group.statements
      .map((id) => byId.get(id))
      .filter((s): s is StatementResult => s !== undefined),
  }));
}

export function scoreChange(before: number | null, after: number | null): string {
  return `${before ?? 'not assessed'} to ${after ?? 'not assessed'}`;
}
