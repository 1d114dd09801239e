/**
 * How the shipped cue rules read each kind of wording the tool meets in
 * evidence, judged as a careful reader would. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import type { Judgement } from '../../src/model/index.js';
import { judgeItem } from '../../src/score/judge.js';
import { loadRules } from '../../src/score/rubrics.js';
import { exampleItem } from '../../src/score/rule-test.js';

const CUES = loadRules(loadFramework('local-authority'))
  .forStatement('assessing-needs')
  .filter((rule) => rule.id.startsWith('cue/'));

function read(sentence: string): Judgement | 'none' {
  return judgeItem(exampleItem(sentence), CUES).basis?.judgement ?? 'none';
}

const cases: Record<string, [string, Judgement | 'none'][]> = {
  'purpose and prevention': [
    ['Early help is offered to stop needs escalating.', 'none'],
    ['Discharge checklists reduce the risk of people being lost between services.', 'none'],
    ['Daily huddles help prevent delays in discharge.', 'strength'],
    ['The hardship fund supports households struggling with energy bills.', 'strength'],
    ['Reablement aims to prevent, delay or reduce the need for long-term care.', 'none'],
  ],
  'resolved and historical problems': [
    ['Staff turnover fell from 25% to 9% over two years.', 'strength'],
    ['The service no longer relies on agency staff at night.', 'strength'],
    ['The issues the 2023 peer review found have been addressed.', 'strength'],
    ['The backlog of reviews was cleared by March.', 'strength'],
    ['The waiting list was reduced from 400 to 120 but it is still high.', 'shortfall'],
    ['The issues the 2023 peer review found have not been addressed.', 'none'],
  ],
  'comparisons with a benchmark': [
    ['The proportion of carers who felt supported was below the England average.', 'shortfall'],
    ['The proportion of carers who felt supported was above the England average.', 'strength'],
    ['Average waits for an assessment were above the regional average.', 'shortfall'],
    ['Admissions to care homes were lower than among statistical neighbours.', 'strength'],
    ['Carer satisfaction was in line with the England average.', 'strength'],
    ['The result was not statistically different from England.', 'strength'],
    ['28% of people were happy with their care against 36% nationally.', 'shortfall'],
    ['Direct payment uptake was the highest of any council in England.', 'exceptional'],
    ['People felt safe less often than in England but more often than in London.', 'shortfall'],
  ],
  'figures against targets': [
    ['Only 40% of enquiries were completed within the 28-day target.', 'shortfall'],
    ['92% of people who finished reablement needed no ongoing care.', 'strength'],
    ['Fewer than half of carers had been offered a review.', 'shortfall'],
    ['40% of enquiries came from the police.', 'none'],
  ],
  'negation scope': [
    ['It was not uncommon for people to be discharged with delays to their care.', 'shortfall'],
    ['Carers could not recall the council ever failing to respond to a concern.', 'strength'],
    ['One person said they had never been offered an assessment.', 'shortfall'],
    ['No one we spoke to described delays.', 'strength'],
    ['The strategy was clear, but there was no record that it had been co-produced.', 'shortfall'],
    ['There were no delays or backlogs in the hospital team.', 'strength'],
    ['People were not always told who their named worker was.', 'shortfall'],
  ],
  'despite and although': [
    ['Despite long delays, people were positive about their assessments.', 'strength'],
    ['Although feedback was positive, there were long delays for assessments.', 'shortfall'],
    ['Feedback was positive; however, people waited too long for reviews.', 'shortfall'],
  ],
  intensity: [
    ['Partners described the reablement service as sector-leading.', 'exceptional'],
    ['The vision was visible in every interview we held with staff.', 'exceptional'],
    [
      'People on the waiting list were not risk-assessed while they waited.',
      'significant-shortfall',
    ],
    [
      'Some people were left at risk of abuse because concerns were not triaged.',
      'significant-shortfall',
    ],
    ['Inspectors judged the medicines room unsafe.', 'significant-shortfall'],
    ['Partners described the reablement service as good.', 'strength'],
  ],
  absence: [
    ['Two of the invited partners did not attend the board.', 'shortfall'],
    ['There were no records of the decisions made at the panel.', 'shortfall'],
    ['Leaders could not tell whether the new approach had reduced repeat referrals.', 'shortfall'],
    ['There is no evidence yet of the impact of the new hub.', 'shortfall'],
  ],
  'topic words alone': [
    ['Complaints are logged by the customer team.', 'none'],
    ['Waiting list figures were kept for every team.', 'none'],
    ['Two complaints were upheld by the ombudsman.', 'none'],
    ['The team had three vacancies in March.', 'none'],
    ['A pilot of the new front door ran in the north locality.', 'none'],
  ],
  'hopes and plans': [
    ['The council wants its equality analysis to be more effective.', 'none'],
    ['The survey asked people whether they felt listened to.', 'none'],
    ['The new service will be person-centred and timely.', 'none'],
    ['The service reaches groups most likely to receive poor care.', 'none'],
    ['Disabled people were more likely to face long delays.', 'shortfall'],
  ],
};

describe.each(Object.entries(cases))('%s', (_kind, rows) => {
  it.each(rows)('reads "%s" as %s', (sentence, judgement) => {
    expect(read(sentence)).toBe(judgement);
  });
});

describe('conditions that must hold together', () => {
  const rule = {
    id: 'house/late-reviews-praised',
    finding: 'Late reviews',
    effect: 'shortfall' as const,
    when: { all: [{ text: { any: ['reviews'] } }, { text: { any: ['late'] } }] },
  };
  const fired = (sentence: string): boolean =>
    judgeItem(exampleItem(sentence), [rule]).fired[0]?.outcome.state === 'match';

  it('hold in one sentence', () => {
    expect(fired('Annual reviews were late for a third of people.')).toBe(true);
  });

  it('do not hold when their words are in different sentences', () => {
    expect(fired('Annual reviews take place every year. Carers said one visit was late.')).toBe(
      false,
    );
  });

  it('hold across a semicolon, which ends a clause, not a sentence', () => {
    expect(fired('Annual reviews were planned; many were late.')).toBe(true);
  });
});
