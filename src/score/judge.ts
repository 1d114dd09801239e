import type {
  Condition,
  Effect,
  EvidenceItem,
  Judgement,
  JudgementBasis,
  Rule,
  TextCondition,
} from '../model/index.js';
import { evaluateCondition } from './operators/registry.js';
import type { EvalContext, Outcome, PhraseHit } from './operators/types.js';
import { DEFAULT_FIELDS } from './operators/text.js';
import { PhraseIndex, prepareText } from './text.js';
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

type Field = 'title' | 'summary' | 'source';

/** A rule set's phrases, indexed once per set of fields read, so each item's words are scanned once. */
interface CompiledRules {
  indexes: Map<string, PhraseIndex>;
  ids: Map<TextCondition, { fields: string; id: number }>;
  fieldsOf: string[];
  /**
   * Per rule, phrase conditions of which at least one must occur for the rule
   * to fire; null when the rule must always be evaluated. Most items match a
   * few phrases, so most rules are skipped without being evaluated.
   */
  gates: (number[] | null)[];
}

const compiledRules = new WeakMap<readonly Rule[], CompiledRules>();

function collectText(condition: Condition, found: (text: TextCondition) => void): void {
  if ('all' in condition) condition.all.forEach((c) => collectText(c, found));
  else if ('any' in condition) condition.any.forEach((c) => collectText(c, found));
  else if ('not' in condition) collectText(condition.not, found);
  else if ('text' in condition) found(condition.text);
}

function gateOf(condition: Condition, ids: CompiledRules['ids']): number[] | null {
  if ('text' in condition) {
    const known = ids.get(condition.text);
    return known && !condition.text.patterns ? [known.id] : null;
  }
  if ('all' in condition) {
    for (const child of condition.all) {
      const gate = gateOf(child, ids);
      if (gate) return gate;
    }
    return null;
  }
  if ('any' in condition) {
    const gates = condition.any.map((child) => gateOf(child, ids));
    return gates.every((gate) => gate !== null) ? (gates.flat() as number[]) : null;
  }
  return null;
}

function compile(rules: readonly Rule[]): CompiledRules {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    compiled = { indexes: new Map(), ids: new Map(), fieldsOf: [], gates: [] };
    const { indexes, ids, fieldsOf } = compiled;
    let next = 0;
    for (const rule of rules) {
      collectText(rule.when, (text) => {
        if (ids.has(text) || !text.any) return;
        const fields = (text.fields ?? DEFAULT_FIELDS).join(',');
        let index = indexes.get(fields);
        if (!index) indexes.set(fields, (index = new PhraseIndex()));
        const id = next++;
        ids.set(text, { fields, id });
        fieldsOf[id] = fields;
        index.add(id, text.any);
      });
    }
    compiled.gates = rules.map((rule) => gateOf(rule.when, ids));
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

const NO_HITS: readonly PhraseHit[] = [];
const DEFAULT_KEY = DEFAULT_FIELDS.join(',');

function contextFor(
  item: EvidenceItem,
  rules: readonly Rule[],
): EvalContext & { open(gate: readonly number[] | null): boolean } {
  const compiled = compile(rules);
  const prepared = new Map<string, PreparedText>();
  const hits = new Map<string, Map<number, PhraseHit[]>>();
  const text = (fields: readonly Field[]): PreparedText => {
    const key = fields === DEFAULT_FIELDS ? DEFAULT_KEY : fields.join(',');
    let found = prepared.get(key);
    if (!found) {
      const parts = fields.map((field) => item[field] ?? '').filter((part) => part !== '');
      found = prepareText(
        parts.map((part) => (/[.!?;:]\s*$/.test(part) ? part : `${part}.`)).join(' '),
      );
      prepared.set(key, found);
    }
    return found;
  };
  const hitsOf = (id: number): readonly PhraseHit[] => {
    const fields = compiled.fieldsOf[id] as string;
    let byCondition = hits.get(fields);
    if (!byCondition) {
      const scanned = new Map<number, PhraseHit[]>();
      compiled.indexes
        .get(fields)
        ?.scan(text(fields.split(',') as Field[]), (found, token, length) => {
          const list = scanned.get(found);
          if (list) list.push({ token, length });
          else scanned.set(found, [{ token, length }]);
        });
      hits.set(fields, (byCondition = scanned));
    }
    return byCondition.get(id) ?? NO_HITS;
  };
  const context: EvalContext & { open(gate: readonly number[] | null): boolean } = {
    item,
    text,
    open: (gate) => gate === null || gate.some((id) => hitsOf(id).length > 0),
    phrases(condition) {
      const known = compiled.ids.get(condition);
      return known ? hitsOf(known.id) : [];
    },
    evaluate: (condition) => evaluateCondition(condition, context),
  };
  return context;
}

function inferred(total: number, fired: Fired[]): Judgement | undefined {
  if (total > 0) {
    const exceptional = fired.some(
      (f) => f.outcome.state === 'match' && f.rule.effect === 'exceptional',
    );
    return exceptional && total >= 2 ? 'exceptional' : 'strength';
  }
  if (total < 0) {
    const significant = fired.some(
      (f) => f.outcome.state === 'match' && f.rule.effect === 'significant-shortfall',
    );
    return significant && total <= -2 ? 'significant-shortfall' : 'shortfall';
  }
  return undefined;
}

/**
 * Runs every rule on one item. The explicit judgement wins; otherwise the
 * fired rules add up to one, and the basis says which rules and words decided.
 */
export function judgeItem(item: EvidenceItem, rules: readonly Rule[]): Verdict {
  const context = contextFor(item, rules);
  const { gates } = compile(rules);
  const fired: Fired[] = [];
  let total = 0;
  for (let r = 0; r < rules.length; r++) {
    if (!context.open(gates[r] ?? null)) continue;
    const rule = rules[r] as Rule;
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
    .sort(
      (a, b) =>
        Math.abs(b.contribution) - Math.abs(a.contribution) || a.rule.id.localeCompare(b.rule.id),
    )
    .map((f) => ({ rule: f.rule.id, words: f.outcome.words.join(', ') }));
  return { item, fired, total, basis: { judgement, how: 'inferred', rules: deciding } };
}
