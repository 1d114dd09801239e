import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';
import { weightedPercent } from '../../src/score/statement.js';
import { LA_CONFIG, tempRepo } from '../helpers.js';

function item(title: string, category: string, judgement: string, extra = ''): string {
  return `  - title: ${title}\n    category: ${category}\n    summary: ${title}.\n    date: 2024-07-01\n    judgement: ${judgement}\n${extra}`;
}

function score(items: string[], config = LA_CONFIG) {
  const repo = tempRepo({
    'cqc-score.yaml': config,
    'e.yaml': `statement: safeguarding\nevidence:\n${items.join('')}`,
  });
  try {
    return run(repo.dir).statements.find((s) => s.id === 'safeguarding')!;
  } finally {
    repo.cleanup();
  }
}

describe('direct scoring', () => {
  it.each([
    [['strength', 'strength'], 75],
    [['exceptional', 'exceptional'], 100],
    [['significant-shortfall'], 25],
    [['shortfall'], 50],
  ])('%j is %f%%', (judgements, percent) => {
    expect(weightedPercent(judgements as never)).toBe(percent);
  });

  it.each([
    [['strength', 'strength', 'strength', 'strength', 'shortfall'], 3],
    [['strength', 'strength', 'shortfall'], 3],
    [['strength', 'strength', 'strength', 'shortfall', 'shortfall'], 2],
    [['strength', 'shortfall'], 2],
    [['exceptional', 'exceptional', 'strength'], 4],
    [['significant-shortfall', 'shortfall', 'strength'], 2],
    [['significant-shortfall', 'significant-shortfall', 'shortfall'], 1],
  ])('%j scores %i', (judgements, expected) => {
    const s = score(
      judgements.map((j, i) => item(`Item ${i}`, i % 2 ? 'partners' : 'processes', j)),
    );
    expect(s.score).toBe(expected);
  });
});

describe('category-percentage scoring', () => {
  it('scores each category, then bands the percentage of the total', () => {
    const s = score(
      [
        item('A', 'processes', 'strength'),
        item('B', 'partners', 'shortfall'),
        item('C', 'staff-and-leaders', 'strength'),
        item('D', 'peoples-experience', 'strength'),
      ],
      `${LA_CONFIG}scoring: category-percentage\n`,
    );
    expect(s.categoryScores.map((c) => `${c.category}=${c.score}`)).toEqual([
      'partners=2',
      'peoples-experience=3',
      'processes=3',
      'staff-and-leaders=3',
    ]);
    expect(s.percentExact).toBe(68.75);
    expect(s.percent).toBe(69);
    expect(s.score).toBe(3);
    expect(s.band).toBe('lower');
    expect(s.onEdge).toBe(false);
  });

  it('flags a percentage on a band edge and applies the rounding policy', () => {
    const items = [
      item('A', 'processes', 'strength'),
      item('B', 'partners', 'shortfall'),
      item('C', 'staff-and-leaders', 'shortfall'),
      item('D', 'peoples-experience', 'strength'),
    ];
    const up = score(items, `${LA_CONFIG}scoring: category-percentage\n`);
    const down = score(items, `${LA_CONFIG}scoring: category-percentage\nrounding: down\n`);
    expect(up.percentExact).toBe(62.5);
    expect([up.onEdge, up.percent, up.score]).toEqual([true, 63, 3]);
    expect([down.onEdge, down.percent, down.score]).toEqual([true, 62, 2]);
  });
});

describe('gaps', () => {
  it("reports missing categories, no people's experience and a single source", () => {
    const s = score([
      item('A', 'processes', 'strength', '    source: Audit\n'),
      item('B', 'processes', 'strength', '    source: Audit\n'),
    ]);
    expect(s.score).toBe(3);
    expect(s.gaps.map((g) => g.kind)).toEqual([
      'no-peoples-experience',
      'missing-category',
      'single-source',
    ]);
  });

  it('leaves stale evidence out of the score and lists it', () => {
    const s = score([
      item('Old', 'processes', 'significant-shortfall').replace('2024-07-01', '2020-01-01'),
      item('New', 'processes', 'strength'),
    ]);
    expect(s.score).toBe(3);
    expect(s.counts.stale).toBe(1);
    expect(s.gaps.find((g) => g.kind === 'stale-evidence')?.evidence).toHaveLength(1);
  });

  it('does not assess a statement whose evidence is all stale', () => {
    const s = score([item('Old', 'processes', 'strength').replace('2024-07-01', '2020-01-01')]);
    expect(s.score).toBeNull();
    expect(s.gaps[0]?.kind).toBe('no-evidence');
  });

  it('lists items no rule could judge', () => {
    const s = score([
      `  - title: Website\n    category: processes\n    summary: The council has a website.\n    date: 2024-07-01\n`,
      item('A', 'processes', 'strength'),
    ]);
    expect(s.gaps.find((g) => g.kind === 'unjudged-item')?.evidence).toHaveLength(1);
    expect(s.counts.unjudged).toBe(1);
  });
});

describe('confidence', () => {
  it('is high with many explicit judgements across categories and sources, low with one inferred item', () => {
    const many = score(
      ['processes', 'partners', 'staff-and-leaders', 'peoples-experience', 'processes'].map(
        (c, i) => item(`I${i}`, c, 'strength', `    source: Source ${i}\n`),
      ),
    );
    expect(many.confidence?.level).toBe('high');
    const few = score([
      `  - title: Delays\n    category: processes\n    summary: There were long delays.\n    date: 2024-07-01\n`,
    ]);
    expect(few.confidence?.level).toBe('low');
  });
});

describe('confidence from inferred judgements', () => {
  const inferredItem = (i: number, c: string): string =>
    `  - title: Item ${i}\n    category: ${c}\n    summary: Staff said the training offer was regular and well received.\n    date: 2024-07-01\n    source: Source ${i}\n`;
  const categories = ['processes', 'partners', 'staff-and-leaders', 'peoples-experience'];

  it('is never high when any judgement was inferred, and says so', () => {
    const mixed = score([
      ...categories.map((c, i) => item(`I${i}`, c, 'strength', `    source: Source ${i}\n`)),
      inferredItem(9, 'processes'),
    ]);
    expect(mixed.counts.unjudged).toBe(0);
    expect(mixed.confidence?.level).toBe('medium');
    expect(mixed.confidence?.summary).toBe('1 judgement inferred from wording; check it');
  });

  it('is low when most judgements were inferred, with words a reader understands', () => {
    const inferred = score(
      [...categories, 'processes', 'partners'].map((c, i) => inferredItem(i, c)),
    );
    expect(inferred.items.every((i) => i.basis?.how === 'inferred')).toBe(true);
    expect(inferred.confidence?.level).toBe('low');
    expect(inferred.confidence?.summary).toBe('every judgement inferred from wording; check them');
  });

  it('names what is thin when the authors judged every item', () => {
    const thin = score([item('A', 'processes', 'strength')]);
    expect(thin.confidence?.summary).toBe(
      'only 1 judged item; 1 of the 4 expected kinds of evidence; only 1 source',
    );
  });
});

describe('local authority roll-up on a band edge', () => {
  it('flags a provisional rating whose exact percentage falls between bands', () => {
    // Two statements scored 3 and 2: 5 of 8 points is 62.5%, between requires improvement and good.
    const strong = `statement: safeguarding\nevidence:\n${item('A', 'processes', 'strength')}`;
    const weak = `statement: assessing-needs\nevidence:\n${item('B', 'processes', 'shortfall')}`;
    const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'a.yaml': strong, 'b.yaml': weak });
    try {
      const overall = run(repo.dir).overall;
      expect(overall.percentExact).toBe(62.5);
      expect(overall.onEdge).toBe(true);
      expect(overall.percent).toBe(63);
      expect(overall.rating).toBe('good');
      expect(overall.basis).toMatch(/rounding policy decided/);
    } finally {
      repo.cleanup();
    }
  });
});

describe('what would lift the score', () => {
  it('names the shortfall that alone moves the score, and not one that would not', () => {
    // A shortfall weighs twice a strength: 2×2 + 3 of 3×4 is 58% (2); as a strength, 75% (3).
    const s = score([
      item('Alpha', 'processes', 'shortfall'),
      item('Beta', 'partners', 'strength'),
    ]);
    expect(s.score).toBe(2);
    expect(s.toLift[0]).toBe('Address "Alpha" (1 item): that alone would lift the score to 3');
  });

  it('finds the shortfalls that must go together when none lifts the score alone', () => {
    // Three shortfalls and a strength: 54%; one addressed, 58% (still 2); two, 65% (3).
    const s = score([
      item('Alpha', 'processes', 'shortfall'),
      item('Beta', 'processes', 'shortfall'),
      item('Gamma', 'processes', 'shortfall'),
      item('Delta', 'partners', 'strength'),
    ]);
    expect(s.score).toBe(2);
    expect(s.toLift[0]).toBe(
      'Address these 2 shortfalls together to lift the score to 3: "Alpha"; "Beta"',
    );
  });

  it('finds the fewest shortfalls that lift the score together among many', () => {
    // Thirty shortfalls and a strength: with k addressed, (123 - k) / (4 × (61 - k)); k = 19
    // gives 62.3% (2), k = 20 gives 62.8%, which rounds up to 63% (3). No one shortfall is enough.
    const names = Array.from({ length: 30 }, (_, i) => `Shortfall ${String(i).padStart(2, '0')}`);
    const s = score([
      ...names.map((name) => item(name, 'processes', 'shortfall')),
      item('Delta', 'partners', 'strength'),
    ]);
    expect(s.score).toBe(2);
    expect(s.toLift[0]).toMatch(/^Address these 20 shortfalls together to lift the score to 3: /);
    expect(s.toLift.some((action) => action.includes('alone'))).toBe(false);
  });

  it("asks for missing evidence as an action (no people's experience)", () => {
    const s = score([item('Staff felt supported', 'staff-and-leaders', 'strength')]);
    expect(s.toLift).toContain(
      "No people's-experience evidence: add survey results, feedback, complaints or case tracking that show what people say",
    );
  });
});
