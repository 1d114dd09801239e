import { describe, expect, it } from 'vitest';
import { Interner } from '../src/intern.js';
import type { JudgementBasis, Rule } from '../src/model/index.js';

const rule = (id: string): Rule => ({
  id,
  finding: 'f',
  effect: 'shortfall',
  when: { category: ['partners'] },
});

describe('Interner', () => {
  it('hands out one fired rule per rule, weight, words and contribution', () => {
    const interner = new Interner();
    const a = rule('s/a');
    const first = interner.fired(a, 1, ['delays', 'backlog'], -1);
    expect(interner.fired(a, 1, ['delays', 'backlog'], -1)).toBe(first);
    expect(first).toEqual({
      rule: a,
      outcome: { state: 'match', weight: 1, words: ['delays', 'backlog'] },
      contribution: -1,
    });
    const others = [
      interner.fired(rule('s/a'), 1, ['delays', 'backlog'], -1),
      interner.fired(a, 1.5, ['delays', 'backlog'], -1),
      interner.fired(a, 1, ['delays', 'backlog'], -1.5),
      interner.fired(a, 1, ['delays'], -1),
      interner.fired(a, 1, ['delays', 'waits'], -1),
      interner.fired(a, 1, [], -1),
    ];
    for (const other of others) expect(other).not.toBe(first);
    expect(others[3]!.outcome.words).toEqual(['delays']);
    expect(others[5]!.outcome.words).toEqual([]);
  });

  it('hands out one judgement basis per judgement, how and deciding rules', () => {
    const interner = new Interner();
    const basis = (
      judgement: JudgementBasis['judgement'],
      how: JudgementBasis['how'],
      rules: [string, string][],
    ): JudgementBasis => ({
      judgement,
      how,
      rules: rules.map(([r, words]) => ({ rule: r, words })),
    });
    const first = interner.basis(
      basis('shortfall', 'inferred', [
        ['s/a', 'delays'],
        ['s/b', 'waits'],
      ]),
    );
    expect(
      interner.basis(
        basis('shortfall', 'inferred', [
          ['s/a', 'delays'],
          ['s/b', 'waits'],
        ]),
      ),
    ).toBe(first);
    const others = [
      basis('strength', 'inferred', [
        ['s/a', 'delays'],
        ['s/b', 'waits'],
      ]),
      basis('shortfall', 'explicit', [
        ['s/a', 'delays'],
        ['s/b', 'waits'],
      ]),
      basis('shortfall', 'inferred', [['s/a', 'delays']]),
      basis('shortfall', 'inferred', [
        ['s/a', 'delays'],
        ['s/c', 'waits'],
      ]),
      basis('shortfall', 'inferred', [
        ['s/a', 'delays'],
        ['s/b', 'queues'],
      ]),
      basis('shortfall', 'inferred', []),
    ];
    for (const other of others) {
      const shared = interner.basis(other);
      expect(shared).not.toBe(first);
      expect(shared).toEqual(other);
    }
  });

  it('still gives the right values when many differ under one key', () => {
    const interner = new Interner();
    const a = rule('s/a');
    const given = Array.from({ length: 200 }, (_, i) =>
      interner.fired(a, 1, ['delays', `w${i}`], -1),
    );
    given.forEach((fired, i) => expect(fired.outcome.words).toEqual(['delays', `w${i}`]));
    expect(interner.fired(a, 1, ['delays', 'w3'], -1)).toBe(given[3]);
  });
});
