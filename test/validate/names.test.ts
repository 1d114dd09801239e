import { describe, expect, it } from 'vitest';
import { loadFramework, normaliseName } from '../../src/frameworks/catalogue.js';
import { nearest } from '../../src/schema/suggest.js';
import { isOlderThan, isRealDate, monthsBetween } from '../../src/validate/dates.js';

describe('statement names', () => {
  const la = loadFramework('local-authority');
  const provider = loadFramework('provider');

  it('has 9 local authority statements under 4 themes and 34 provider statements under 5 key questions', () => {
    expect([la.statements.length, la.groups.length]).toEqual([9, 4]);
    expect([provider.statements.length, provider.groups.length]).toEqual([34, 5]);
    expect(provider.groups.map((g) => g.statements.length)).toEqual([8, 6, 5, 7, 8]);
  });

  it.each([
    ['local-authority', 'assessing-needs', 'assessing-needs'],
    ['local-authority', "Assessing people's needs", 'assessing-needs'],
    [
      'local-authority',
      'Supporting people to lead healthier lives',
      'supporting-people-to-live-healthier-lives',
    ],
    [
      'local-authority',
      'SUPPORTING PEOPLE TO LIVE HEALTHIER LIVES',
      'supporting-people-to-live-healthier-lives',
    ],
    [
      'local-authority',
      'Safe systems, pathways and transitions',
      'safe-pathways-systems-and-transitions',
    ],
    [
      'local-authority',
      'Safe pathways, systems and transitions',
      'safe-pathways-systems-and-transitions',
    ],
    ['local-authority', 'Partnership and communities', 'partnerships-and-communities'],
    [
      'local-authority',
      'Care provision, integration and continuity of care',
      'care-provision-integration-and-continuity',
    ],
    ['provider', 'safe-effective-staffing', 'safe-and-effective-staffing'],
    ['provider', 'Responding to people’s immediate needs', 'responding-to-peoples-immediate-needs'],
    ['provider', 'Equity in experience and outcomes', 'equity-in-experiences-and-outcomes'],
    ['provider', 'freedom-speak-up', 'freedom-to-speak-up'],
    [
      'provider',
      'environmental-sustainability',
      'environmental-sustainability-sustainable-development',
    ],
  ] as const)('%s: "%s" is %s', (framework, name, id) => {
    expect(loadFramework(framework).resolve(name)?.id).toBe(id);
  });

  it('suggests the nearest statement for a typo', () => {
    expect(la.suggest('safegaurding')).toBe('safeguarding');
    expect(provider.suggest('medicine optimisation')).toBe('medicines-optimisation');
    expect(la.suggest('completely unrelated words here')).toBeUndefined();
  });

  it.each([
    ['a misspelt id', 'safegaurding', 'safeguarding'],
    ['a misspelt title', 'Asessing needs', 'assessing-needs'],
    ['spaces for hyphens', 'Safe guarding', 'safeguarding'],
    // One edit from two spellings of the same statement is still one answer.
    [
      'a name near two spellings of one statement',
      'equity-experiencex-outcomes',
      'equity-in-experience-and-outcomes',
    ],
    ['three edits away: suggested, never fixed', 'safegaurdng', undefined],
    ['nothing near', 'leadership', undefined],
  ])('clearMatch (what --fix writes for %s): "%s" is %s', (_what, name, id) => {
    expect(la.clearMatch(name)).toBe(id);
  });

  it('normalises case, apostrophes and punctuation', () => {
    expect(normaliseName("  Responding to People's  Immediate Needs! ")).toBe(
      'responding-to-peoples-immediate-needs',
    );
  });

  it('every statement has a description and expected categories', () => {
    for (const s of [...la.statements, ...provider.statements]) {
      expect(s.description.length).toBeGreaterThan(80);
      expect(s.categories.length).toBeGreaterThan(0);
    }
  });
});

describe('suggestions', () => {
  it.each([
    ['judgment', ['judgement', 'title', 'summary'], 'judgement'],
    ['catgory', ['category', 'title'], 'category'],
    ['xyz', ['category', 'title'], undefined],
  ])('%s → %s', (input, candidates, expected) => expect(nearest(input, candidates)).toBe(expected));
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['24-01-01', false],
  ])('%s is real: %s', (date, real) => expect(isRealDate(date)).toBe(real));

  it.each([
    ['2024-01-15', '2024-08-30', 7],
    ['2024-01-31', '2024-02-29', 0],
    ['2022-08-30', '2024-08-30', 24],
    ['2022-08-31', '2024-08-30', 23],
  ])('%s to %s is %i whole months', (from, to, months) =>
    expect(monthsBetween(from, to)).toBe(months),
  );

  it.each([
    ['2022-08-29', '2024-08-30', 24, true],
    ['2022-08-30', '2024-08-30', 24, false],
    ['2024-02-28', '2024-08-31', 6, true],
    ['2024-02-29', '2024-08-31', 6, false],
  ])('%s against %s with %i months: stale %s', (date, asOf, months, stale) =>
    expect(isOlderThan(date, asOf, months)).toBe(stale),
  );
});
