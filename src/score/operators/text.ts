import type { TextCondition } from '../../model/index.js';
import { clauseAt, compilePhrases, isNegated } from '../text.js';
import type { Operator } from './types.js';
import { NONE } from './types.js';

const DEFAULT_FIELDS = ['title', 'summary'] as const;
const compiled = new WeakMap<TextCondition, RegExp[]>();

function regexesFor(condition: TextCondition): RegExp[] {
  let regexes = compiled.get(condition);
  if (!regexes) {
    regexes = [];
    if (condition.any) regexes.push(compilePhrases(condition.any));
    for (const pattern of condition.patterns ?? []) regexes.push(new RegExp(pattern, 'gi'));
    compiled.set(condition, regexes);
  }
  return regexes;
}

/** Checks a text condition's phrases and patterns compile; throws with the bad one named. */
export function compileTextCondition(condition: TextCondition): void {
  regexesFor(condition);
}

export const text: Operator<TextCondition> = {
  id: 'text',
  description: 'the words of the item match these phrases or patterns, read clause by clause and aware of negation',
  evaluate(condition, context) {
    const prepared = context.text(condition.fields ?? DEFAULT_FIELDS);
    const negatable = condition.negatable !== false;
    let weight = 0;
    const words: string[] = [];
    const negatedWords: string[] = [];
    for (const regex of regexesFor(condition)) {
      regex.lastIndex = 0;
      for (let m = regex.exec(prepared.text); m; m = regex.exec(prepared.text)) {
        if (m[0] === '') {
          regex.lastIndex++;
          continue;
        }
        const found = m[0].toLowerCase();
        if (negatable && isNegated(prepared, m.index)) {
          if (!negatedWords.includes(found)) negatedWords.push(found);
          continue;
        }
        weight = Math.max(weight, clauseAt(prepared, m.index).weight);
        if (!words.includes(found)) words.push(found);
      }
    }
    if (words.length > 0) return { state: 'match', weight, words };
    if (negatedWords.length > 0) return { state: 'negated', weight: 1, words: negatedWords.map((w) => `not ${w}`) };
    return NONE;
  },
};
