/**
 * What surrounds a score: the gaps in its evidence, how far it can be trusted,
 * and what would lift it.
 */
import { plural } from '../base/plural.js';
import type {
  Category,
  EvidenceItem,
  Finding,
  Gap,
  Judgement,
  Score,
  SourceRef,
  StatementDef,
  StatementResult,
} from '../model/index.js';
import type { Verdict } from './judge.js';
import { polarity } from './judge.js';

export const EFFECT_ORDER: Record<Judgement, number> = {
  'significant-shortfall': 0,
  shortfall: 1,
  exceptional: 2,
  strength: 3,
};

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

function refs(items: readonly EvidenceItem[]): SourceRef[] {
  return items.map((item) => item.ref);
}

export function gapsFor(
  def: StatementDef,
  verdicts: readonly Verdict[],
  current: readonly Verdict[],
  score: Score | null,
  excluded: readonly SourceRef[] = [],
): Gap[] {
  const gaps: Gap[] = [];
  // Items left out because of errors come first: they can change the score.
  if (excluded.length > 0) {
    gaps.push({
      kind: 'evidence-in-error',
      message:
        verdicts.length === 0
          ? `Evidence in error: its only ${plural(excluded.length, 'item')} ${excluded.length === 1 ? 'was' : 'were'} left out because of errors, so it is not assessed; fix them`
          : `${plural(excluded.length, 'item')} left out because of errors (${excluded.map((r) => `${r.file}:${r.line}`).join(', ')}); the score may change once they are fixed`,
      evidence: [...excluded],
    });
  }
  if (verdicts.length === 0) {
    if (excluded.length === 0)
      gaps.push({
        kind: 'no-evidence',
        message: 'No evidence for this statement: it is not assessed',
        evidence: [],
      });
    return gaps;
  }
  const items = verdicts.map((v) => v.item);
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
      message: `${plural(stale.length, 'stale item')} left out of the score`,
      evidence: refs(stale),
    });
  }
  const unjudged = current.filter((v) => !v.basis);
  if (unjudged.length > 0) {
    gaps.push({
      kind: 'unjudged-item',
      message: `${plural(unjudged.length, 'item')} no rule could judge; add a "judgement" or clearer wording`,
      evidence: refs(unjudged.map((v) => v.item)),
    });
  }
  return gaps;
}

/**
 * How far a score can be trusted, as a level and in words a reader
 * understands. A judgement the author wrote is worth more than one inferred
 * from the wording: a score resting mostly on inferred judgements is never
 * more than low confidence, and one with any inferred judgement never high.
 */
export function confidenceFor(
  def: StatementDef,
  current: readonly Verdict[],
): StatementResult['confidence'] {
  const judged = current.filter((v) => v.basis);
  if (judged.length === 0) return null;
  const explicit = judged.filter((v) => v.basis?.how === 'explicit').length;
  const inferred = judged.length - explicit;
  const categories = new Set(
    judged.map((v) => v.item.category).filter((c) => def.categories.includes(c)),
  ).size;
  const sources = new Set(judged.map((v) => v.item.source ?? v.item.ref.file)).size;
  const expected = Math.min(3, def.categories.length);
  let points = 0;
  if (judged.length >= 5) points++;
  if (inferred === 0) points++;
  if (categories >= expected) points++;
  if (sources >= 3) points++;
  let level: 'high' | 'medium' | 'low' = points >= 3 ? 'high' : points === 2 ? 'medium' : 'low';
  const words: string[] = [];
  if (inferred * 2 > judged.length) {
    level = 'low';
    words.push(
      inferred === judged.length
        ? 'every judgement inferred from wording; check them'
        : 'most judgements inferred from wording; check them',
    );
  } else if (inferred > 0) {
    if (level === 'high') level = 'medium';
    words.push(
      `${plural(inferred, 'judgement')} inferred from wording; check ${inferred === 1 ? 'it' : 'them'}`,
    );
  }
  if (judged.length < 5) words.push(`only ${plural(judged.length, 'judged item')}`);
  if (categories < expected)
    words.push(`${categories} of the ${def.categories.length} expected kinds of evidence`);
  if (sources < 3) words.push(`only ${plural(sources, 'source')}`);
  if (words.length === 0)
    words.push('judged by their authors, across enough items, kinds of evidence and sources');
  return {
    level,
    summary: words.join('; '),
    reasons: [
      ...(inferred * 2 > judged.length
        ? [
            inferred === judged.length
              ? 'every judgement was inferred from the wording: check them with explain, or add "judgement"'
              : 'most judgements were inferred from the wording: check them with explain',
          ]
        : []),
      `${explicit} of ${plural(judged.length, 'judged item')} judged by their authors`,
      `${categories} of ${def.categories.length} expected evidence categories`,
      plural(sources, 'distinct source'),
    ],
  };
}

/** What evidence to add for each kind of gap, as an action. */
const GAP_ACTIONS: Partial<Record<Gap['kind'], (gap: Gap) => string>> = {
  'evidence-in-error': (gap) =>
    `Fix the ${plural(gap.evidence.length, 'item')} left out because of errors, so ${gap.evidence.length === 1 ? 'it counts' : 'they count'}`,
  'no-peoples-experience': () =>
    "No people's-experience evidence: add survey results, feedback, complaints or case tracking that show what people say",
  'missing-category': (gap) => gap.message.replace(/^No evidence from /, 'Add evidence of '),
  'single-source': () => 'Add evidence from a second, independent source',
  'stale-evidence': (gap) =>
    `Refresh the ${plural(gap.evidence.length, 'stale item')} with current evidence`,
  'unjudged-item': (gap) =>
    `Give the ${plural(gap.evidence.length, 'item')} no rule could judge a "judgement", or clearer wording`,
};

/** Scores the statement again as if some items' judgements were different. */
export type Rescore = (changes: ReadonlyMap<string, Judgement>) => Score | null;

/** An item's place, as a key for Rescore. */
export function refKey(ref: SourceRef): string {
  return `${ref.file}:${ref.line}:${ref.column}`;
}

const quoted = (text: string): string => `"${text.replace(/[.\s]+$/, '')}"`;

/**
 * What would lift the score, as actions: which shortfall, once addressed (its
 * items showing the matter put right), moves the score up, or which set of
 * them together; then the evidence that is missing. A shortfall that would
 * not move the score on its own is not repeated here: the findings show it.
 */
/** How many shortfalls, weightiest first, are each tried alone for what would lift a score. */
const MOST_TRIED_ALONE = 20;

export function liftFor(
  score: Score | null,
  findings: readonly Finding[],
  gaps: readonly Gap[],
  rescore: Rescore,
): string[] {
  const actions: string[] = [];
  if (score === null) actions.push('Add current evidence for this statement');
  else if (score === 4) actions.push('Keep the evidence current: it shows an exceptional standard');
  else {
    const shortfalls = findings
      .filter((f) => polarity(f.effect) < 0)
      .sort(
        (a, b) =>
          EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] ||
          Number(a.rule.startsWith('cue/')) - Number(b.rule.startsWith('cue/')) ||
          b.evidence.length - a.evidence.length ||
          (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
      );
    const addressed = (list: readonly Finding[]): Score | null =>
      rescore(
        new Map(list.flatMap((f) => f.evidence.map((ref) => [refKey(ref), 'strength' as const]))),
      );
    // Each rescoring reads every item, so only the weightiest shortfalls are tried
    // alone: trying each of a large folder's thousand made the run quadratic.
    const alone = shortfalls.slice(0, MOST_TRIED_ALONE).flatMap((f) => {
      const lifted = addressed([f]);
      return (lifted ?? 0) > score ? [{ f, lifted }] : [];
    });
    for (const { f, lifted } of alone)
      actions.push(
        `Address ${quoted(f.text)} (${plural(f.evidence.length, 'item')}): that alone would lift the score to ${lifted}`,
      );
    if (alone.length === 0 && shortfalls.length > 0) {
      // The fewest leading shortfalls that lift the score together, found by halving:
      // turning more of them into strengths never lowers a score.
      const lifts = (n: number): boolean => (addressed(shortfalls.slice(0, n)) ?? 0) > score;
      if (lifts(shortfalls.length)) {
        let low = 1;
        let high = shortfalls.length;
        while (low < high) {
          const middle = Math.floor((low + high) / 2);
          if (lifts(middle)) high = middle;
          else low = middle + 1;
        }
        const together = shortfalls.slice(0, low);
        actions.push(
          `Address these ${together.length} shortfalls together to lift the score to ${addressed(together)}: ${together.map((t) => quoted(t.text)).join('; ')}`,
        );
      }
    }
    if (score === 3 && !findings.some((f) => f.effect === 'exceptional'))
      actions.push(
        'Show practice beyond good: no item yet shows an exceptional standard, such as outcomes well ahead of others or practice others learn from',
      );
  }
  for (const gap of gaps) {
    const action = GAP_ACTIONS[gap.kind];
    if (action) actions.push(action(gap));
  }
  return actions.slice(0, 8);
}
