import { JUDGEMENTS } from '../model/index.js';
import type {
  Category,
  CategoryScore,
  Config,
  ExcludedItem,
  Finding,
  Judgement,
  Rule,
  SourceRef,
  StatementDef,
  StatementResult,
} from '../model/index.js';
import {
  halfOfBand,
  isOnEdge,
  percentage,
  roundPercent,
  SCORE_LABELS,
  scoreForPercent,
} from './arithmetic.js';
import { EFFECT_VALUE, polarity } from './judge.js';
import { ITEM_WEIGHT } from './weights.js';
import { confidenceFor, EFFECT_ORDER, gapsFor, liftFor, refKey } from './gaps.js';
import type { Rescore } from './gaps.js';

import type { Verdict } from './judge.js';

/** Each judgement's place on CQC's 1–4 scale. */
export const ITEM_VALUE: Record<Judgement, number> = {
  exceptional: 4,
  strength: 3,
  shortfall: 2,
  'significant-shortfall': 1,
};

export const OTHER_INDICATOR = 'Other evidence';

/** A finding quotes at most this many distinct matched words. */
const MAX_FINDING_WORDS = 6;

export function isCue(rule: Rule): boolean {
  return rule.id.startsWith('cue/');
}

/** How many items carry each judgement. */
export type Tally = Record<Judgement, number>;

export function emptyTally(): Tally {
  return { exceptional: 0, strength: 0, shortfall: 0, 'significant-shortfall': 0 };
}

/**
 * Weighted percentage (25–100) of a set of judgements. Shortfalls weigh more
 * than strengths (a regulator scores on risk, so a few material shortfalls
 * amid many strengths still show "some shortfalls"); the weights are fitted
 * to published scores by scripts/fit.js.
 */
export function weightedPercent(
  judgements: readonly Judgement[],
  weight: Record<Judgement, number> = ITEM_WEIGHT,
): number | null {
  const tally = emptyTally();
  for (const judgement of judgements) tally[judgement]++;
  return tallyPercent(tally, weight);
}

/** The weighted percentage of a tally of judgements; null when it counts no item. */
export function tallyPercent(
  tally: Tally,
  weight: Record<Judgement, number> = ITEM_WEIGHT,
): number | null {
  let items = 0;
  let sum = 0;
  let weights = 0;
  for (const judgement of JUDGEMENTS) {
    items += tally[judgement];
    sum += tally[judgement] * ITEM_VALUE[judgement] * weight[judgement];
    weights += tally[judgement] * weight[judgement];
  }
  return items === 0 ? null : percentage(sum, weights * 4);
}

/** Which of two fired rules an item is better cited under. */
function citesBetter(a: Verdict['fired'][number], b: Verdict['fired'][number]): boolean {
  if (isCue(a.rule) !== isCue(b.rule)) return isCue(b.rule);
  const weight = Math.abs(a.contribution) - Math.abs(b.contribution);
  if (weight !== 0) return weight > 0;
  // Of two rules that count the same, the one that found more of its words is the more specific.
  return a.outcome.words.length > b.outcome.words.length;
}

/**
 * The one fired rule an item is cited under, if any: a match that agrees with
 * the item's judgement and says no more than it (an item judged a shortfall
 * never stands under a significant-shortfall finding), a statement's own rule
 * before a cue, then the one that counted most, then the one that found most
 * of its words. An item is cited once per statement, so it is never counted
 * twice. Returned as a list of at most one.
 */
export function findingSources(verdict: Verdict): Verdict['fired'] {
  if (!verdict.basis) return [];
  const { judgement } = verdict.basis;
  const sign = polarity(judgement);
  const reach = Math.abs(EFFECT_VALUE[judgement]);
  let best: Verdict['fired'][number] | undefined;
  for (const f of verdict.fired) {
    if (f.outcome.state !== 'match' || polarity(f.rule.effect) !== sign) continue;
    if (Math.abs(EFFECT_VALUE[f.rule.effect]) > reach) continue;
    if (!best || citesBetter(f, best)) best = f;
  }
  return best ? [best] : [];
}

type Ordered = Finding & { order: number };

/**
 * Findings from the statement's own rules gather every item they fired on
 * under the rule's sentence. A cue's sentence would say too little ("practice
 * working well"), so an item cited under a cue, or under none, is a finding
 * of its own, in its own words: its title.
 */
function collectFindings(verdicts: readonly Verdict[], ruleOrder: Map<string, number>): Finding[] {
  const byRule = new Map<string, Ordered>();
  // Findings whose words can no longer change: they already hold six distinct words.
  const settled = new Set<Finding>();
  const ownWords: Ordered[] = [];
  for (const verdict of verdicts) {
    if (!verdict.basis) continue;
    const [source] = findingSources(verdict);
    if (!source || isCue(source.rule)) {
      ownWords.push({
        rule: source?.rule.id ?? 'evidence/author-judgement',
        text: verdict.item.title,
        effect: source?.rule.effect ?? verdict.basis.judgement,
        indicator: source?.rule.indicator ?? OTHER_INDICATOR,
        evidence: [verdict.item.ref],
        ...(source && source.outcome.words.length > 0
          ? { words: source.outcome.words.slice(0, MAX_FINDING_WORDS).join(', ') }
          : {}),
        order: source ? (ruleOrder.get(source.rule.id) ?? 0) : Number.MAX_SAFE_INTEGER,
      });
      continue;
    }
    const { rule, outcome } = source;
    const existing = byRule.get(rule.id);
    if (existing) {
      existing.evidence.push(verdict.item.ref);
      if (existing.words !== undefined && outcome.words.length > 0 && !settled.has(existing)) {
        const words = new Set([...existing.words.split(', '), ...outcome.words]);
        const kept = [...words].slice(0, MAX_FINDING_WORDS);
        existing.words = kept.join(', ');
        const again = existing.words.split(', ');
        if (again.length === MAX_FINDING_WORDS && new Set(again).size === MAX_FINDING_WORDS)
          settled.add(existing);
      }
    } else {
      byRule.set(rule.id, {
        rule: rule.id,
        text: rule.finding,
        effect: rule.effect,
        indicator: rule.indicator ?? OTHER_INDICATOR,
        evidence: [verdict.item.ref],
        ...(outcome.words.length > 0
          ? { words: outcome.words.slice(0, MAX_FINDING_WORDS).join(', ') }
          : {}),
        order: ruleOrder.get(rule.id) ?? 0,
      });
    }
  }
  for (const finding of byRule.values()) finding.evidence.sort(compareRefs);
  return [...byRule.values(), ...ownWords]
    .sort(
      (a, b) =>
        a.order - b.order ||
        EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
        compareRefs(a.evidence[0], b.evidence[0]),
    )
    .map(({ order: _order, ...finding }) => finding);
}

export function compareRefs(a: SourceRef | undefined, b: SourceRef | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

interface Scored {
  exact: number;
  categoryScores: CategoryScore[];
}

/** Judged items' tallies, by category. */
type Tallies = Map<Category, Tally>;

function talliesOf(verdicts: readonly Verdict[]): Tallies {
  const tallies: Tallies = new Map();
  for (const { item, basis } of verdicts) {
    if (!basis) continue;
    const tally = tallies.get(item.category) ?? emptyTally();
    tally[basis.judgement]++;
    tallies.set(item.category, tally);
  }
  return tallies;
}

function scoreDirect(tallies: Tallies): Scored | null {
  const all = emptyTally();
  for (const tally of tallies.values())
    for (const judgement of JUDGEMENTS) all[judgement] += tally[judgement];
  const exact = tallyPercent(all);
  return exact === null ? null : { exact, categoryScores: [] };
}

function scoreByCategory(tallies: Tallies, config: Config): Scored | null {
  const categoryScores: CategoryScore[] = [];
  for (const [category, tally] of [...tallies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const exact = tallyPercent(tally);
    if (exact === null) continue;
    categoryScores.push({
      category,
      score: scoreForPercent(roundPercent(exact, config.rounding)),
      items: JUDGEMENTS.reduce((sum, judgement) => sum + tally[judgement], 0),
    });
  }
  if (categoryScores.length === 0) return null;
  const total = categoryScores.reduce((sum, c) => sum + c.score, 0);
  return { exact: percentage(total, categoryScores.length * 4), categoryScores };
}

/** The statement's score from its tallies, under the configured method. */
function scoreTallies(tallies: Tallies, config: Config): Scored | null {
  return config.scoring === 'category-percentage'
    ? scoreByCategory(tallies, config)
    : scoreDirect(tallies);
}

/**
 * Rescoring for what would lift a score: moves the changed items between the
 * tallies' judgements, so each try costs the changes, not the whole statement.
 */
function rescoreFrom(current: readonly Verdict[], tallies: Tallies, config: Config): Rescore {
  const byKey = new Map(current.map((verdict) => [refKey(verdict.item.ref), verdict]));
  return (changes) => {
    const moved: Tallies = new Map([...tallies].map(([category, t]) => [category, { ...t }]));
    for (const [key, judgement] of changes) {
      const verdict = byKey.get(key);
      if (!verdict?.basis) continue;
      const tally = moved.get(verdict.item.category) as Tally;
      tally[verdict.basis.judgement]--;
      tally[judgement]++;
    }
    const again = scoreTallies(moved, config);
    return again ? scoreForPercent(roundPercent(again.exact, config.rounding)) : null;
  };
}

export interface StatementInput {
  def: StatementDef;
  /** One per item naming the statement. */
  verdicts: readonly Verdict[];
  rules: readonly Rule[];
  /** Items naming the statement that were left out because of errors. */
  excluded?: readonly ExcludedItem[];
}

export function scoreStatement(
  { def, verdicts, rules, excluded = [] }: StatementInput,
  config: Config,
): StatementResult {
  const current = verdicts.filter((v) => !v.item.stale);
  const tallies = talliesOf(current);
  const scored = scoreTallies(tallies, config);
  const percent = scored ? roundPercent(scored.exact, config.rounding) : null;
  const score = percent === null ? null : scoreForPercent(percent);
  const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
  const findings = collectFindings(current, ruleOrder);
  const excludedRefs = excluded.map((item) => item.ref).sort(compareRefs);
  const gaps = gapsFor(def, verdicts, current, score, excludedRefs);
  const counts: StatementResult['counts'] = {
    exceptional: 0,
    strength: 0,
    shortfall: 0,
    'significant-shortfall': 0,
    unjudged: 0,
    stale: 0,
  };
  for (const verdict of verdicts) {
    if (verdict.item.stale) counts.stale++;
    else if (verdict.basis) counts[verdict.basis.judgement]++;
    else counts.unjudged++;
  }
  return {
    id: def.id,
    title: def.title,
    group: def.group,
    description: def.description,
    score,
    label: score === null ? null : SCORE_LABELS[score],
    percentExact: scored ? scored.exact : null,
    percent,
    band: percent === null ? null : halfOfBand(percent),
    onEdge: scored ? isOnEdge(scored.exact) : false,
    method: config.scoring,
    categoryScores: scored ? scored.categoryScores : [],
    confidence: confidenceFor(def, current),
    counts,
    findings,
    gaps,
    toLift: liftFor(score, findings, gaps, rescoreFrom(current, tallies, config)),
    items: verdicts.map(({ item, basis }) => ({
      ref: item.ref,
      title: item.title,
      basis,
      stale: item.stale,
      category: item.category,
      summary: item.summary,
      ...(item.source === undefined ? {} : { source: item.source }),
      ...(item.date === undefined ? {} : { date: item.date }),
      ...(item.status === undefined ? {} : { status: item.status }),
      ...(Object.keys(item.metrics).length > 0 ? { metrics: { ...item.metrics } } : {}),
    })),
    excludedItems: excludedRefs.length,
    excluded: excludedRefs,
  };
}
