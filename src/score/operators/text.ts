import type { TextCondition } from '../../model/index.js';
import { clauseWeight, isNegated, tokenAt } from '../text.js';
import type { Operator } from './types.js';
import { NONE } from './types.js';

export const DEFAULT_FIELDS = ['title', 'summary'] as const;
const patternCache = new WeakMap<TextCondition, RegExp[]>();

function patternsFor(condition: TextCondition): RegExp[] {
  let regexes = patternCache.get(condition);
  if (!regexes) {
    regexes = (condition.patterns ?? []).map((pattern) => new RegExp(pattern, 'gi'));
    patternCache.set(condition, regexes);
  }
  return regexes;
}

/** Checks a text condition's patterns compile; throws with the bad one named. */
export function compileTextCondition(condition: TextCondition): void {
  patternsFor(condition);
}

/**
 * Phrases are found through the rule set's phrase index (one pass over the
 * item's words for all rules); patterns run as regular expressions. A match
 * with a negation just before it counts as negated, and the clause it sits in
 * sets its weight.
 */
export const text: Operator<TextCondition> = {
  id: 'text',
  description:
    'the words of the item match these phrases or patterns, read clause by clause and aware of negation',
  evaluate(condition, context) {
    const prepared = context.text(condition.fields ?? DEFAULT_FIELDS);
    const negatable = condition.negatable !== false;
    let weight = 0;
    const words: string[] = [];
    const negatedWords: string[] = [];
    const record = (token: number, found: string): void => {
      if (negatable && isNegated(prepared, token)) {
        if (!negatedWords.includes(found)) negatedWords.push(found);
        return;
      }
      weight = Math.max(weight, clauseWeight(prepared, token));
      if (!words.includes(found)) words.push(found);
    };
    for (const hit of context.phrases(condition)) {
      const end = hit.token + hit.length - 1;
      const found = prepared.text
        .slice(
          prepared.starts[hit.token],
          (prepared.starts[end] as number) + (prepared.tokens[end] as string).length,
        )
        .toLowerCase();
      record(hit.token, found);
    }
    for (const regex of patternsFor(condition)) {
      regex.lastIndex = 0;
      for (let m = regex.exec(prepared.text); m; m = regex.exec(prepared.text)) {
        if (m[0] === '') {
          regex.lastIndex++;
          continue;
        }
        record(
          Math.min(tokenAt(prepared, m.index), prepared.tokens.length - 1),
          m[0].toLowerCase(),
        );
      }
    }
    if (words.length > 0) return { state: 'match', weight, words };
    if (negatedWords.length > 0)
      return { state: 'negated', weight: 1, words: negatedWords.map((w) => `not ${w}`) };
    return NONE;
  },
};
