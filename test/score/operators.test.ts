import { describe, expect, it } from 'vitest';
import type { Condition, EvidenceItem } from '../../src/model/index.js';
import { OPERATORS } from '../../src/score/operators/registry.js';
import { judgeItem } from '../../src/score/judge.js';

function item(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    ref: { file: 'e.yaml', line: 3, column: 5 },
    key: 'e.yaml#0/0',
    framework: 'local-authority',
    statements: ['assessing-needs'],
    title: 'Assessments',
    category: 'processes',
    summary: 'Assessments were completed on time.',
    tags: [],
    metrics: {},
    stale: false,
    ...overrides,
  };
}

/** Whether a condition holds for an item, through the real rule engine. */
function holds(when: Condition, it: EvidenceItem): string {
  const verdict = judgeItem(it, [{ id: 't/rule', finding: 'f', effect: 'strength', when }]);
  return verdict.fired[0]?.outcome.state ?? 'none';
}

describe('every operator in the registry', () => {
  it('has an id, a description and a function', () => {
    for (const [key, op] of Object.entries(OPERATORS)) {
      expect(op.id).toBe(key);
      expect(op.description.length).toBeGreaterThan(10);
    }
  });

  it.each<[string, Condition, Partial<EvidenceItem>, string]>([
    ['category in', { category: ['processes', 'partners'] }, {}, 'match'],
    [
      'a phrase or a metric, only the metric there',
      { any: [{ text: { any: ['backlog'] } }, { metric: { name: 'm', op: '>', value: 1 } }] },
      { metrics: { m: 2 } },
      'match',
    ],
    [
      'a phrase or a metric, neither there',
      { any: [{ text: { any: ['backlog'] } }, { metric: { name: 'm', op: '>', value: 1 } }] },
      { metrics: { other: 2 } },
      'none',
    ],
    [
      'not a metric that is missing',
      { not: { metric: { name: 'm', op: '>', value: 1 } } },
      {},
      'match',
    ],
    ['category not in', { category: ['partners'] }, {}, 'none'],
    ['judgement', { judgement: ['shortfall'] }, { judgement: 'shortfall' }, 'match'],
    ['judgement absent', { judgement: ['shortfall'] }, {}, 'none'],
    ['status', { status: ['planned'] }, { status: 'planned' }, 'match'],
    ['status other', { status: ['planned'] }, { status: 'embedded' }, 'none'],
    ['tags any', { tags: { any: ['Carers', 'x'] } }, { tags: ['carers'] }, 'match'],
    ['tags all missing one', { tags: { all: ['a', 'b'] } }, { tags: ['a'] }, 'none'],
    [
      'metric >',
      { metric: { name: 'ombudsman-upheld-percent', op: '>', value: 40 } },
      { metrics: { 'ombudsman-upheld-percent': 50 } },
      'match',
    ],
    [
      'metric > at the limit',
      { metric: { name: 'ombudsman-upheld-percent', op: '>', value: 40 } },
      { metrics: { 'ombudsman-upheld-percent': 40 } },
      'none',
    ],
    ['metric >=', { metric: { name: 'm', op: '>=', value: 40 } }, { metrics: { m: 40 } }, 'match'],
    ['metric <', { metric: { name: 'm', op: '<', value: 1 } }, { metrics: { m: 0 } }, 'match'],
    ['metric <=', { metric: { name: 'm', op: '<=', value: 1 } }, { metrics: { m: 2 } }, 'none'],
    ['metric ==', { metric: { name: 'm', op: '==', value: 3 } }, { metrics: { m: 3 } }, 'match'],
    ['metric !=', { metric: { name: 'm', op: '!=', value: 3 } }, { metrics: { m: 3 } }, 'none'],
    ['metric missing', { metric: { name: 'm', op: '>', value: 0 } }, {}, 'none'],
    ['age >', { age: { op: '>', months: 12 } }, { ageMonths: 13 }, 'match'],
    ['age <=', { age: { op: '<=', months: 12 } }, { ageMonths: 13 }, 'none'],
    ['age unknown', { age: { op: '>', months: 0 } }, {}, 'none'],
    ['text phrase', { text: { any: ['on time'] } }, {}, 'match'],
    ['text wildcard', { text: { any: ['complet*'] } }, {}, 'match'],
    [
      'text whole words only',
      { text: { any: ['time'] } },
      { summary: 'Timeliness was good.' },
      'none',
    ],
    [
      'text hyphen or space',
      { text: { any: ['co production'] } },
      { summary: 'Co-production was strong.' },
      'match',
    ],
    [
      'text hyphen optional',
      { text: { any: ['co-production'] } },
      { summary: 'Coproduction was strong.' },
      'match',
    ],
    [
      'text pattern',
      { text: { patterns: ['\\bwaited \\d+ weeks'] } },
      { summary: 'People waited 12 weeks.' },
      'match',
    ],
    [
      'text field source',
      { text: { any: ['survey'], fields: ['source'] } },
      { source: 'Carers survey' },
      'match',
    ],
    ['text field not read', { text: { any: ['survey'] } }, { source: 'Carers survey' }, 'none'],
    [
      'text negated',
      { text: { any: ['well received'] } },
      { summary: 'The change was not well received.' },
      'negated',
    ],
    [
      'text negatable false',
      { text: { any: ['well received'], negatable: false } },
      { summary: 'It was not well received.' },
      'match',
    ],
    [
      'not only is not negation',
      { text: { any: ['timely'] } },
      { summary: 'Not only timely but thorough.' },
      'match',
    ],
    [
      'all',
      { all: [{ category: ['processes'] }, { text: { any: ['assessments'] } }] },
      {},
      'match',
    ],
    [
      'all one fails',
      { all: [{ category: ['partners'] }, { text: { any: ['assessments'] } }] },
      {},
      'none',
    ],
    ['any', { any: [{ category: ['partners'] }, { text: { any: ['assessments'] } }] }, {}, 'match'],
    ['any none', { any: [{ category: ['partners'] }, { text: { any: ['zebra'] } }] }, {}, 'none'],
    ['not', { not: { category: ['partners'] } }, {}, 'match'],
    ['not of a match', { not: { category: ['processes'] } }, {}, 'none'],
  ])('%s', (_name, when, overrides, expected) => {
    expect(holds(when, item(overrides))).toBe(expected);
  });
});

describe('the words a text pattern quotes', () => {
  const words = (summary: string, pattern: string): string[] =>
    judgeItem(item({ summary }), [
      { id: 't/rule', finding: 'f', effect: 'strength', when: { text: { patterns: [pattern] } } },
    ]).fired[0]?.outcome.words ?? [];

  it('are whole tokens, so an address the pattern stops inside is quoted whole', () => {
    expect(words('Her son joegarcia@example.org called.', 'son \\w+')).toEqual([
      'son joegarcia@example.org',
    ]);
  });

  it('are widened only so far inside one long run of text without spaces', () => {
    const run = 'x'.repeat(5_000);
    const [quoted] = words(`${run}50%${run}`, '\\d+%');
    expect(quoted).toBe(`${'x'.repeat(100)}50%${'x'.repeat(100)}`);
  });
});
