/**
 * Reading comparisons in evidence text: against a benchmark ("below the
 * England average", "28% against 36% nationally", "highest in England") and
 * over time ("fell from 25% to 9%"). A comparison says whether the measure is
 * better, worse or about the same, which needs to know whether more of the
 * measure is good: more people satisfied is better, more people waiting is
 * worse.
 */
import type { PreparedText } from './text.js';

export type Direction = 'better' | 'worse' | 'similar';

export interface Comparison {
  direction: Direction;
  /** The words that made the comparison, lower-cased. */
  words: string;
  /** Against England or the nation, which outranks a regional or local benchmark. */
  national: boolean;
  /** Clause index in the prepared text. */
  clause: number;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)`;
const BENCHMARK = String.raw`(?:england|english|national(?:ly)?|the nation|the country|regional(?:ly)?|the region|london|statistical neighbours?|(?:comparator|similar|other|neighbouring|peer) (?:councils?|authorities|areas|providers|services)|comparators?|peers|the average|average|targets?|benchmarks?|expected)`;
const NATIONAL = /\b(?:england|english|national(?:ly)?|the nation|the country)\b/;
const LOWER_IS_BETTER =
  /\b(?:wait\w*|delay\w*|backlogs?|turnover|vacanc\w*|sickness|absences?|complain\w*|complaints?|readmi\w*|admissions?|admitted|incidents?|falls|overdue|agency|unallocated|length of stay|costs?|spend\w*|time taken|days|weeks|months|lateness|missed|re-?referrals?|loneliness|lonely|isolat\w*|deaths?|mortality|out of area|homeless\w*|debt|repeat)\b/;

/** Word groups naming a direction, each followed within a few words by a benchmark. */
const AGAINST_BENCHMARK = new RegExp(
  String.raw`\b(in line with|similar to|close to|comparable (?:to|with)|consistent with|on a par with|level with|the same as|not (?:statistically |significantly )*different (?:from|to)|no (?:statistically )?significant(?:ly)? differen\w*|above|higher than|more than|greater than|longer than|(?:more|less) (?:often|likely) than|better than|faster than|quicker than|slower than|shorter than|exceed(?:s|ed|ing)?|outperform(?:s|ed|ing)?|ahead of|below|lower than|less than|fewer than|worse than|behind)\b(?:\s+\S+){0,4}?\s+(?:the\s+)?${BENCHMARK}\b`,
  'g',
);
const RANK = new RegExp(
  String.raw`\b(highest|best|top|lowest|worst|bottom)\b(?:\s+\S+){0,5}?\s+(?:of any|in|among|across|nationally|in the country)\b(?:\s+\S+){0,3}?\s*(?:${BENCHMARK}|councils?|authorities|providers)\b`,
  'g',
);
const FIGURES_AGAINST = new RegExp(
  String.raw`${NUMBER}[^.;]{0,60}?\b(?:against|compared (?:with|to)|versus|vs\.?|than|while|whereas)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?${NUMBER}`,
  'g',
);
const TREND = new RegExp(
  String.raw`\b(fell|fallen|dropped|decreased|declined|reduced|went down|came down|down|rose|risen|increased|grew|grown|went up|up|improved|worsened|deteriorated)\s+(?:\w+\s+){0,3}?from\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(\d+(?:\.\d+)?)\s*(?:%|per\s?cent)?(?:\s+\w+){0,3}?\s+to\s+(?:\w+\s+){0,2}?(\d+(?:\.\d+)?)`,
  'g',
);

const SIMILAR =
  /^(?:in line with|similar to|close to|comparable|consistent with|on a par with|level with|the same as|not |no )/;
const UP =
  /^(?:above|higher than|more than|greater than|longer than|more often than|more likely than|exceed|outperform|ahead of|highest|best|top|rose|risen|increased|grew|grown|went up|up)/;

/** Points apart at which two percentages count as different. */
const SAME_WITHIN = 2;

function direction(movement: 'up' | 'down' | 'similar', lowerIsBetter: boolean): Direction {
  if (movement === 'similar') return 'similar';
  return (movement === 'up') !== lowerIsBetter ? 'better' : 'worse';
}

/** Comparisons that say better or worse whatever the measure. */
const PLAINLY_BETTER = /^(?:better than|faster than|quicker than|outperform|best|improved)/;
const PLAINLY_WORSE = /^(?:worse than|slower than|worst|worsened|deteriorated)/;

function movementOf(phrase: string): 'up' | 'down' | 'similar' {
  if (SIMILAR.test(phrase)) return 'similar';
  return UP.test(phrase) ? 'up' : 'down';
}

/** A word without which a clause holds no comparison: most clauses are passed over on it. */
const MAY_COMPARE =
  /\b(?:england|english|national|nationally|nation|country|regional|regionally|region|london|neighbours?|comparators?|peers?|average|targets?|benchmarks?|expected|highest|lowest|best|worst|top|bottom|\d)/i;

const cache = new WeakMap<PreparedText, Comparison[]>();

/** Every comparison in the text, clause by clause; national ones only, when there are any. */
export function readComparisons(prepared: PreparedText): Comparison[] {
  let found = cache.get(prepared);
  if (!found) cache.set(prepared, (found = compareClauses(prepared)));
  return found;
}

function compareClauses(prepared: PreparedText): Comparison[] {
  const found: Comparison[] = [];
  // Most texts hold no figure and no benchmark: nothing to read clause by clause.
  if (!MAY_COMPARE.test(prepared.text)) return found;
  prepared.clauses.forEach((clause, index) => {
    const text = prepared.text.slice(clause.start, clause.end).toLowerCase();
    if (!MAY_COMPARE.test(text)) return;
    const lowerIsBetter = LOWER_IS_BETTER.test(text);
    const add = (movement: 'up' | 'down' | 'similar', words: string, national: boolean): void => {
      const plain = PLAINLY_BETTER.test(words)
        ? 'better'
        : PLAINLY_WORSE.test(words)
          ? 'worse'
          : undefined;
      found.push({
        direction: plain ?? direction(movement, lowerIsBetter),
        words,
        national,
        clause: index,
      });
    };
    for (const m of text.matchAll(TREND)) {
      const verb = m[1] as string;
      const from = Number(m[2]);
      const to = Number(m[3]);
      if (verb === 'improved')
        found.push({ direction: 'better', words: m[0], national: false, clause: index });
      else if (verb === 'worsened' || verb === 'deteriorated')
        found.push({ direction: 'worse', words: m[0], national: false, clause: index });
      else add(to > from ? 'up' : to < from ? 'down' : 'similar', m[0], false);
    }
    for (const m of text.matchAll(FIGURES_AGAINST)) {
      if (!new RegExp(`\\b${BENCHMARK}\\b`).test(text)) continue;
      const ours = Number(m[1]);
      const theirs = Number(m[2]);
      const movement =
        Math.abs(ours - theirs) < SAME_WITHIN ? 'similar' : ours > theirs ? 'up' : 'down';
      add(movement, m[0], NATIONAL.test(text));
    }
    for (const m of text.matchAll(AGAINST_BENCHMARK))
      add(movementOf(m[1] as string), m[0], NATIONAL.test(m[0]));
    for (const m of text.matchAll(RANK)) add(movementOf(m[1] as string), m[0], NATIONAL.test(m[0]));
  });
  return found.some((c) => c.national) ? found.filter((c) => c.national) : found;
}
