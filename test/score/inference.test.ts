import { describe, expect, it } from 'vitest';
import type { EvidenceItem, Rule } from '../../src/model/index.js';
import { ItemText, judgeItem } from '../../src/score/judge.js';

const RULES: Rule[] = [
  {
    id: 't/abuse',
    finding: 'Abuse',
    effect: 'significant-shortfall',
    when: { text: { any: ['abuse', 'neglect'] } },
  },
  {
    id: 't/waiting',
    finding: 'People wait',
    effect: 'shortfall',
    when: { text: { any: ['waiting list*', 'delay*'] } },
  },
  {
    id: 't/well-received',
    finding: 'Well received',
    effect: 'strength',
    when: { text: { any: ['well received', 'timely'] } },
  },
  {
    id: 't/exceptional',
    finding: 'Exceptional',
    effect: 'exceptional',
    weight: 2,
    when: { text: { any: ['nationally recognised'] } },
  },
  {
    id: 't/harm',
    finding: 'Harm',
    effect: 'significant-shortfall',
    weight: 2,
    when: { text: { any: ['came to harm'] } },
  },
];

function judge(summary: string, extra: Partial<EvidenceItem> = {}) {
  return judgeItem(
    {
      ref: { file: 'e.yaml', line: 1, column: 1 },
      key: 'k',
      framework: 'provider',
      statements: ['x'],
      title: 'Item',
      category: 'processes',
      summary,
      tags: [],
      metrics: {},
      stale: false,
      ...extra,
    },
    RULES,
  );
}

describe('judgement inference', () => {
  it.each([
    ['The new service was well received.', 'strength'],
    ['There was a long waiting list.', 'shortfall'],
    ['The new service was not well received.', 'shortfall'],
    ['There were no delays.', 'strength'],
    ['The scheme was nationally recognised and well received.', 'exceptional'],
    ['One person came to harm while on the waiting list.', 'significant-shortfall'],
    // a negation covers a list, and a word that keeps something away negates it
    ['There were no delays or waiting lists.', 'strength'],
    ['Staff protected people from abuse and neglect.', 'strength'],
    ['People were left in neglect.', 'significant-shortfall'],
    // contrast: the clause after "however"/"but" counts more
    ['Feedback was well received; however, a waiting list remained.', 'shortfall'],
    ['There was a waiting list, but reviews were timely and well received.', 'strength'],
    // concession: what "although" concedes counts less
    ['Although there was a waiting list, the service was well received.', 'strength'],
    ['Although the service was well received, there were delays and a waiting list.', 'shortfall'],
  ])('"%s" is a %s', (summary, judgement) => {
    expect(judge(summary).basis?.judgement).toBe(judgement);
  });

  it('leaves an item no rule could judge without a judgement', () => {
    expect(judge('The council has a website.').basis).toBeNull();
  });

  it('says which rules and which words decided', () => {
    const verdict = judge('There was a long waiting list.');
    expect(verdict.basis).toEqual({
      judgement: 'shortfall',
      how: 'inferred',
      rules: [{ rule: 't/waiting', words: 'waiting list' }],
    });
  });

  it('lets an explicit judgement win over the words', () => {
    const verdict = judge('There was a long waiting list.', { judgement: 'strength' });
    expect(verdict.basis).toEqual({ judgement: 'strength', how: 'explicit', rules: [] });
  });
});

describe('rules reading many different sets of fields', () => {
  it('finds each rule its phrases, however many sets of fields the rules read', () => {
    // Forty rules, each reading the title through its own list of fields.
    const rules: Rule[] = Array.from({ length: 40 }, (_, i) => ({
      id: `t/fields-${i}`,
      finding: `Fields ${i}`,
      effect: 'strength',
      when: {
        text: {
          any: ['waiting list'],
          fields: Array.from({ length: i + 1 }, () => 'title' as const),
        },
      },
    }));
    const verdict = judgeItem(
      {
        ref: { file: 'e.yaml', line: 1, column: 1 },
        key: 'k',
        framework: 'provider',
        statements: ['x'],
        title: 'The waiting list',
        category: 'processes',
        summary: 'Nothing to see here.',
        tags: [],
        metrics: {},
        stale: false,
      },
      rules,
    );
    expect(verdict.fired.map((f) => f.rule.id)).toEqual(rules.map((r) => r.id));
  });
});

describe('one item judged for several statements', () => {
  it('reads its text once and gives each rule set the verdict it gives alone', () => {
    const item: EvidenceItem = {
      ref: { file: 'e.yaml', line: 1, column: 1 },
      key: 'k',
      framework: 'provider',
      statements: ['x', 'y'],
      title: 'Waiting list',
      category: 'processes',
      summary: 'Delays grew; however, feedback was well received and timely.',
      tags: [],
      metrics: {},
      stale: false,
    };
    const other: Rule[] = [
      {
        id: 'u/feedback',
        finding: 'Feedback',
        effect: 'strength',
        when: { text: { any: ['feedback'], fields: ['summary'] } },
      },
      ...RULES.slice(1, 3),
    ];
    const text = new ItemText(item);
    const first = text.read(['title', 'summary']);
    const shared = [judgeItem(item, RULES, text), judgeItem(item, other, text)];
    expect(text.read(['title', 'summary'])).toBe(first);
    expect(shared).toEqual([judgeItem(item, RULES), judgeItem(item, other)]);
    expect(shared[1]!.fired.map((f) => f.rule.id)).toEqual([
      'u/feedback',
      't/waiting',
      't/well-received',
    ]);
  });
});
