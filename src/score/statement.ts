import type {
  Category,
  CategoryScore,
  Config,
  EvidenceItem,
  Finding,
  Gap,
  Judgement,
  Rule,
  Score,
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
import { polarity } from './judge.js';
import type { Verdict } from './judge.js';

/** Each judgement's place on CQC's 1–4 scale. */
export const ITEM_VALUE: Record<Judgement, number> = {
  exceptional: 4,
  strength: 3,
  shortfall: 2,
  'significant-shortfall': 1,
};

/**
 * How much each judged item counts towards a statement's score. Shortfalls
 * weigh more than strengths: a regulator scores on risk, so a few material
 * shortfalls amid many strengths still show "some shortfalls". The figures
 * were tuned on published local authority reports (see the README).
 */
export const ITEM_WEIGHT: Record<Judgement, number> = {
  exceptional: 1,
  strength: 1,
  shortfall: 1.75,
  'significant-shortfall': 2.5,
};

const EFFECT_ORDER: Record<Judgement, number> = {
  'significant-shortfall': 0,
  shortfall: 1,
  exceptional: 2,
  strength: 3,
};

export const OTHER_INDICATOR = 'Other evidence';

export function isCue(rule: Rule): boolean {
  return rule.id.startsWith('cue/');
}

/** Weighted percentage (25–100) of a set of judgements. */
export function weightedPercent(judgements: readonly Judgement[]): number | null {
  if (judgements.length === 0) return null;
  let sum = 0;
  let weights = 0;
  for (const judgement of judgements) {
    sum += ITEM_VALUE[judgement] * ITEM_WEIGHT[judgement];
    weights += ITEM_WEIGHT[judgement];
  }
  return percentage(sum, weights * 4);
}

function refs(items: readonly EvidenceItem[]): SourceRef[] {
  return items.map((item) => item.ref);
}

function collectFindings(verdicts: readonly Verdict[], ruleOrder: Map<string, number>): Finding[] {
  const byRule = new Map<string, Finding & { order: number }>();
  const fallback: (Finding & { order: number })[] = [];
  for (const verdict of verdicts) {
    if (!verdict.basis) continue;
    const sign = polarity(verdict.basis.judgement);
    const matching = verdict.fired.filter(
      (f) => f.outcome.state === 'match' && polarity(f.rule.effect) === sign,
    );
    // Cue rules speak for an item only when no rule of the statement's own rubric does.
    const specific = matching.filter((f) => !isCue(f.rule));
    const agreeing = specific.length > 0 ? specific : matching;
    for (const { rule, outcome } of agreeing) {
      const existing = byRule.get(rule.id);
      if (existing) {
        existing.evidence.push(verdict.item.ref);
        if (existing.words !== undefined && outcome.words.length > 0) {
          const words = new Set([...existing.words.split(', '), ...outcome.words]);
          existing.words = [...words].slice(0, 6).join(', ');
        }
      } else {
        byRule.set(rule.id, {
          rule: rule.id,
          text: rule.finding,
          effect: rule.effect,
          indicator: rule.indicator ?? OTHER_INDICATOR,
          evidence: [verdict.item.ref],
          ...(outcome.words.length > 0 ? { words: outcome.words.slice(0, 6).join(', ') } : {}),
          order: ruleOrder.get(rule.id) ?? 0,
        });
      }
    }
    if (agreeing.length === 0) {
      fallback.push({
        rule: 'evidence/author-judgement',
        text: verdict.item.title,
        effect: verdict.basis.judgement,
        indicator: OTHER_INDICATOR,
        evidence: [verdict.item.ref],
        order: Number.MAX_SAFE_INTEGER,
      });
    }
  }
  for (const finding of byRule.values()) finding.evidence.sort(compareRefs);
  return [...byRule.values(), ...fallback]
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

const CATEGORY_WORDS: Record<Category, string> = {
  'peoples-experience': "people's experience",
  'staff-and-leaders': 'feedback from staff and leaders',
  partners: 'feedback from partners',
  observation: 'observation',
  processes: 'processes',
  outcomes: 'outcomes',
};

export function categoryWords(category: Category): string {
  return CATEGORY_WORDS[category];
}

interface Scored {
  exact: number;
  categoryScores: CategoryScore[];
}

function scoreDirect(verdicts: readonly Verdict[]): Scored | null {
  const exact = weightedPercent(verdicts.flatMap((v) => (v.basis ? [v.basis.judgement] : [])));
  return exact === null ? null : { exact, categoryScores: [] };
}

function scoreByCategory(verdicts: readonly Verdict[], config: Config): Scored | null {
  const byCategory = new Map<Category, Judgement[]>();
  for (const verdict of verdicts) {
    if (!verdict.basis) continue;
    const list = byCategory.get(verdict.item.category) ?? [];
    list.push(verdict.basis.judgement);
    byCategory.set(verdict.item.category, list);
  }
  const categoryScores: CategoryScore[] = [];
  for (const [category, judgements] of [...byCategory].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const exact = weightedPercent(judgements) as number;
    categoryScores.push({
      category,
      score: scoreForPercent(roundPercent(exact, config.rounding)),
      items: judgements.length,
    });
  }
  if (categoryScores.length === 0) return null;
  const total = categoryScores.reduce((sum, c) => sum + c.score, 0);
  return { exact: percentage(total, categoryScores.length * 4), categoryScores };
}

function gapsFor(
  def: StatementDef,
  items: readonly EvidenceItem[],
  current: readonly Verdict[],
  score: Score | null,
): Gap[] {
  const gaps: Gap[] = [];
  if (items.length === 0) {
    gaps.push({
      kind: 'no-evidence',
      message: 'No evidence for this statement: it is not assessed',
      evidence: [],
    });
    return gaps;
  }
  const stale = items.filter((item) => item.stale);
  if (current.length === 0) {
    gaps.push({
      kind: 'no-evidence',
      message: 'No current evidence: every item is stale, so the statement is not assessed',
      evidence: [],
    });
  }
  const present = new Set(current.map((v) => v.item.category));
  if (def.categories.includes('peoples-experience') && !present.has('peoples-experience')) {
    gaps.push({
      kind: 'no-peoples-experience',
      message: "No evidence of people's experience",
      evidence: [],
    });
  }
  const missing = def.categories.filter((c) => c !== 'peoples-experience' && !present.has(c));
  if (missing.length > 0 && current.length > 0) {
    gaps.push({
      kind: 'missing-category',
      message: `No evidence from ${missing.map(categoryWords).join(', ')}`,
      evidence: [],
    });
  }
  if (score !== null && score >= 3) {
    const sources = new Set(current.map((v) => v.item.source ?? v.item.ref.file));
    if (sources.size === 1) {
      gaps.push({
        kind: 'single-source',
        message: `A score of ${score} rests on a single source`,
        evidence: refs(current.map((v) => v.item)),
      });
    }
  }
  if (stale.length > 0) {
    gaps.push({
      kind: 'stale-evidence',
      message: `${stale.length} stale item${stale.length === 1 ? '' : 's'} left out of the score`,
      evidence: refs(stale),
    });
  }
  const unjudged = current.filter((v) => !v.basis);
  if (unjudged.length > 0) {
    gaps.push({
      kind: 'unjudged-item',
      message: `${unjudged.length} item${unjudged.length === 1 ? '' : 's'} no rule could judge; add a "judgement" or clearer wording`,
      evidence: refs(unjudged.map((v) => v.item)),
    });
  }
  return gaps;
}

function confidenceFor(
  def: StatementDef,
  current: readonly Verdict[],
): StatementResult['confidence'] {
  const judged = current.filter((v) => v.basis);
  if (judged.length === 0) return null;
  const explicit = judged.filter((v) => v.basis?.how === 'explicit').length;
  const categories = new Set(
    judged.map((v) => v.item.category).filter((c) => def.categories.includes(c)),
  ).size;
  const sources = new Set(judged.map((v) => v.item.source ?? v.item.ref.file)).size;
  const expected = Math.min(3, def.categories.length);
  let points = 0;
  if (judged.length >= 5) points++;
  if (explicit * 2 >= judged.length) points++;
  if (categories >= expected) points++;
  if (sources >= 3) points++;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    level: points >= 3 ? 'high' : points === 2 ? 'medium' : 'low',
    reasons: [
      `${explicit} of ${plural(judged.length, 'judged item')} judged by their authors`,
      `${categories} of ${def.categories.length} expected evidence categories`,
      plural(sources, 'distinct source'),
    ],
  };
}

function liftFor(
  score: Score | null,
  findings: readonly Finding[],
  gaps: readonly Gap[],
): string[] {
  if (score === null) return ['Add current evidence for this statement'];
  const lift = findings
    .filter((f) => polarity(f.effect) < 0)
    .sort(
      (a, b) =>
        EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
        Number(a.rule.startsWith('cue/')) - Number(b.rule.startsWith('cue/')) ||
        b.evidence.length - a.evidence.length ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    )
    .map((f) => `Address: ${f.text}`);
  if (score === 3 && lift.length === 0 && !findings.some((f) => f.effect === 'exceptional')) {
    lift.push('Show evidence of an exceptional standard: no item shows practice beyond good');
  }
  if (gaps.some((g) => g.kind === 'no-peoples-experience'))
    lift.push("Add evidence of people's experience");
  return lift.slice(0, 6);
}

export interface StatementInput {
  def: StatementDef;
  items: readonly EvidenceItem[];
  verdicts: readonly Verdict[];
  rules: readonly Rule[];
}

export function scoreStatement(
  { def, items, verdicts, rules }: StatementInput,
  config: Config,
): StatementResult {
  const current = verdicts.filter((v) => !v.item.stale);
  const scored =
    config.scoring === 'category-percentage'
      ? scoreByCategory(current, config)
      : scoreDirect(current);
  const percent = scored ? roundPercent(scored.exact, config.rounding) : null;
  const score = percent === null ? null : scoreForPercent(percent);
  const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
  const findings = collectFindings(current, ruleOrder);
  const gaps = gapsFor(def, items, current, score);
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
    toLift: liftFor(score, findings, gaps),
    items: verdicts.map((v) => ({
      ref: v.item.ref,
      title: v.item.title,
      basis: v.basis,
      stale: v.item.stale,
    })),
  };
}
