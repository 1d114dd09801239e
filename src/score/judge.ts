import type { Effect, EvidenceItem, Judgement, JudgementBasis, Rule } from '../model/index.js';
import { evaluateCondition } from './operators/registry.js';
import type { EvalContext, Outcome } from './operators/types.js';
import { prepareText } from './text.js';
import type { PreparedText } from './text.js';

/** Signed value of each effect when a judgement is inferred. */
export const EFFECT_VALUE: Record<Effect, number> = {
  exceptional: 2,
  strength: 1,
  shortfall: -1,
  'significant-shortfall': -2,
};

export function polarity(effect: Effect): 1 | -1 {
  return EFFECT_VALUE[effect] > 0 ? 1 : -1;
}

export interface Fired {
  rule: Rule;
  outcome: Outcome;
  /** What this rule added to the inference total. */
  contribution: number;
}

export interface Verdict {
  item: EvidenceItem;
  fired: Fired[];
  /** Sum of contributions: the inference total. */
  total: number;
  basis: JudgementBasis | null;
}

const textCache = new WeakMap<EvidenceItem, Map<string, PreparedText>>();

function contextFor(item: EvidenceItem): EvalContext {
  const context: EvalContext = {
    item,
    text(fields) {
      let perItem = textCache.get(item);
      if (!perItem) {
        perItem = new Map();
        textCache.set(item, perItem);
      }
      const key = fields.join(',');
      let prepared = perItem.get(key);
      if (!prepared) {
        const parts = fields.map((field) => item[field] ?? '').filter((part) => part !== '');
        prepared = prepareText(parts.map((part) => (/[.!?;:]\s*$/.test(part) ? part : `${part}.`)).join(' '));
        perItem.set(key, prepared);
      }
      return prepared;
    },
    evaluate: (condition) => evaluateCondition(condition, context),
  };
  return context;
}

function inferred(total: number, fired: Fired[]): Judgement | undefined {
  if (total > 0) {
    const exceptional = fired.some((f) => f.outcome.state === 'match' && f.rule.effect === 'exceptional');
    return exceptional && total >= 2 ? 'exceptional' : 'strength';
  }
  if (total < 0) {
    const significant = fired.some((f) => f.outcome.state === 'match' && f.rule.effect === 'significant-shortfall');
    return significant && total <= -2 ? 'significant-shortfall' : 'shortfall';
  }
  return undefined;
}

/**
 * Runs every rule on one item. The explicit judgement wins; otherwise the
 * fired rules add up to one, and the basis says which rules and words decided.
 */
export function judgeItem(item: EvidenceItem, rules: readonly Rule[]): Verdict {
  const context = contextFor(item);
  const fired: Fired[] = [];
  let total = 0;
  for (const rule of rules) {
    const outcome = context.evaluate(rule.when);
    if (outcome.state === 'none') continue;
    const sign = outcome.state === 'match' ? 1 : -1;
    const contribution = sign * EFFECT_VALUE[rule.effect] * (rule.weight ?? 1) * outcome.weight;
    total += contribution;
    fired.push({ rule, outcome, contribution });
  }
  total = Math.round(total * 1000) / 1000;
  if (item.judgement) {
    return { item, fired, total, basis: { judgement: item.judgement, how: 'explicit', rules: [] } };
  }
  const judgement = inferred(total, fired);
  if (!judgement) return { item, fired, total, basis: null };
  const sign = EFFECT_VALUE[judgement] > 0 ? 1 : -1;
  const deciding = fired
    .filter((f) => Math.sign(f.contribution) === sign)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.rule.id.localeCompare(b.rule.id))
    .map((f) => ({ rule: f.rule.id, words: f.outcome.words.join(', ') }));
  return { item, fired, total, basis: { judgement, how: 'inferred', rules: deciding } };
}
