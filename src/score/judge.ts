import type {
  Condition,
  Effect,
  EvidenceItem,
  Judgement,
  JudgementBasis,
  Rule,
  TextCondition,
} from '../model/index.js';
import { compileCondition } from './operators/registry.js';
import type {
  CompileScope,
  EvalContext,
  Evaluator,
  Outcome,
  PhraseHits,
} from './operators/types.js';
import { DEFAULT_FIELDS } from './operators/text.js';
import { isSpace, prepareText } from './text.js';
import { PhraseIndex } from './phrases.js';
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
  /** One phrase index per set of fields read, in `fieldLists` order. */
  indexes: PhraseIndex[];
  /** The sets of fields read (["title", "summary"]), one per group. */
  fieldLists: Field[][];
  /** Per text condition: its id (its place in `groupOf`). */
  ids: Map<TextCondition, number>;
  /** Per condition id: which entry of `indexes` holds its phrases. */
  groupOf: number[];
  /**
   * Per rule, what must be in the item for its condition to hold: at least one
   * of these phrase conditions' phrases (by id) or metrics (by name); null when
   * the rule must always be evaluated. Most items match a few phrases, so most
   * rules are skipped without being evaluated.
   */
  gates: (Gate | null)[];
  /** Per rule, its condition compiled. */
  evaluators: Evaluator[];
}

const compiledRules = new WeakMap<readonly Rule[], CompiledRules>();

function collectText(condition: Condition, found: (text: TextCondition) => void): void {
  if ('all' in condition) condition.all.forEach((c) => collectText(c, found));
  else if ('any' in condition) condition.any.forEach((c) => collectText(c, found));
  else if ('not' in condition) collectText(condition.not, found);
  else if ('text' in condition) found(condition.text);
}

/** Phrase condition ids and metric names. */
type Gate = (number | string)[];

function gateOf(condition: Condition, ids: CompiledRules['ids']): Gate | null {
  if ('text' in condition) {
    const known = ids.get(condition.text);
    return known !== undefined && !condition.text.patterns ? [known] : null;
  }
  // A metric the item lacks never holds.
  if ('metric' in condition) return [condition.metric.name];
  if ('all' in condition) {
    for (const child of condition.all) {
      const gate = gateOf(child, ids);
      if (gate) return gate;
    }
    return null;
  }
  if ('any' in condition) {
    const gates = condition.any.map((child) => gateOf(child, ids));
    return gates.every((gate) => gate !== null) ? (gates.flat() as Gate) : null;
  }
  return null;
}

function compile(rules: readonly Rule[]): CompiledRules {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    const indexes: PhraseIndex[] = [];
    /** Each group's fields, joined ("title,summary"), to find the group of a condition. */
    const fields: string[] = [];
    const ids = new Map<TextCondition, number>();
    const groupOf: number[] = [];
    for (const rule of rules) {
      collectText(rule.when, (text) => {
        if (ids.has(text) || !text.any) return;
        const key = (text.fields ?? DEFAULT_FIELDS).join(',');
        let group = fields.indexOf(key);
        if (group < 0) {
          group = fields.push(key) - 1;
          indexes.push(new PhraseIndex());
        }
        const id = groupOf.push(group) - 1;
        ids.set(text, id);
        (indexes[group] as PhraseIndex).add(id, text.any);
      });
    }
    // Each rule compiles in a scope that knows whether it reads for a shortfall.
    const scopeFor = (rule: Rule): CompileScope => {
      const scope: CompileScope = {
        child: (condition) => compileCondition(condition, scope),
        phraseId: (text) => ids.get(text),
        shortfall: EFFECT_VALUE[rule.effect] < 0,
      };
      return scope;
    };
    compiled = {
      indexes,
      fieldLists: fields.map((key) => key.split(',') as Field[]),
      ids,
      groupOf,
      gates: rules.map((rule) => gateOf(rule.when, ids)),
      evaluators: rules.map((rule) => compileCondition(rule.when, scopeFor(rule))),
    };
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

/** Whether text ends with . ! ? ; or :, perhaps followed by white space. */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 59 || c === 58;
}

const NO_HITS: PhraseHits = [];
const DEFAULT_KEY = DEFAULT_FIELDS.join(',');

/**
 * One item's text, read once per set of fields however many statements judge
 * it: pass the same one to `judgeItem` for each of the item's statements.
 */
export class ItemText {
  private prepared: PreparedText | undefined;
  private preparedOther: Map<string, PreparedText> | undefined;

  constructor(private readonly item: EvidenceItem) {}

  read(fields: readonly Field[]): PreparedText {
    if (fields === DEFAULT_FIELDS) return (this.prepared ??= this.prepare(fields));
    const key = fields.join(',');
    if (key === DEFAULT_KEY) return (this.prepared ??= this.prepare(fields));
    this.preparedOther ??= new Map();
    let found = this.preparedOther.get(key);
    if (!found) this.preparedOther.set(key, (found = this.prepare(fields)));
    return found;
  }

  private prepare(fields: readonly Field[]): PreparedText {
    let joined = '';
    for (const field of fields) {
      const part = this.item[field] ?? '';
      if (part === '') continue;
      if (joined !== '') joined += ' ';
      joined += endsSentence(part) ? part : `${part}.`;
    }
    return prepareText(joined);
  }
}

/** What one rule set's rules see of one item: its text, and its phrases found in one pass. */
class ItemContext implements EvalContext {
  /** Per group of fields: whether its phrases have been looked for yet. */
  private readonly scanned: boolean[] = [];
  /** Per text condition id: where its phrases occur. */
  private readonly occurrences: number[][] = [];

  constructor(
    readonly item: EvidenceItem,
    private readonly compiled: CompiledRules,
    private readonly itemText: ItemText,
  ) {}

  text(fields: readonly Field[]): PreparedText {
    return this.itemText.read(fields);
  }

  hits(id: number): PhraseHits {
    const group = this.compiled.groupOf[id] as number;
    if (this.scanned[group] !== true) {
      this.scanned[group] = true;
      const hits = this.occurrences;
      const fields = this.compiled.fieldLists[group] as Field[];
      (this.compiled.indexes[group] as PhraseIndex).scan(
        this.text(fields),
        (found, token, length) => {
          const list = hits[found];
          if (list) list.push(token, length);
          else hits[found] = [token, length];
        },
      );
    }
    return this.occurrences[id] ?? NO_HITS;
  }

  /** Whether a rule's gate lets it be evaluated: one of its phrases occurs, or one of its metrics. */
  open(gate: Gate | null): boolean {
    if (gate === null) return true;
    for (let g = 0; g < gate.length; g++) {
      const key = gate[g] as number | string;
      if (
        typeof key === 'number'
          ? this.hits(key).length > 0
          : typeof this.item.metrics[key] === 'number'
      )
        return true;
    }
    return false;
  }
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
export function judgeItem(
  item: EvidenceItem,
  rules: readonly Rule[],
  text: ItemText = new ItemText(item),
): Verdict {
  const compiled = compile(rules);
  const context = new ItemContext(item, compiled, text);
  const { gates, evaluators } = compiled;
  let fired: Fired[] = [];
  let total = 0;
  for (let r = 0; r < rules.length; r++) {
    if (!context.open(gates[r] ?? null)) continue;
    const rule = rules[r] as Rule;
    const outcome = (evaluators[r] as Evaluator)(context);
    if (outcome.state === 'none') continue;
    const sign = outcome.state === 'match' ? 1 : -1;
    const contribution = sign * EFFECT_VALUE[rule.effect] * (rule.weight ?? 1) * outcome.weight;
    total += contribution;
    fired.push({ rule, outcome, contribution });
  }
  total = Math.round(total * 1000) / 1000;
  // A verdict lasts the whole run: keep its list at its length, not at the room push left.
  fired = fired.slice();
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
