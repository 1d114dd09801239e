import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/index.js';
import { LA_CONFIG, tempRepo } from '../helpers.js';

function statement(items: { title: string; summary: string; judgement?: string }[]) {
  const body = items
    .map(
      (i) =>
        `  - title: ${i.title}\n    category: processes\n    summary: ${i.summary}\n    date: 2024-07-01\n` +
        (i.judgement ? `    judgement: ${i.judgement}\n` : ''),
    )
    .join('');
  const repo = tempRepo({
    'cqc-score.yaml': LA_CONFIG,
    'e.yaml': `statement: assessing-needs\nevidence:\n${body}`,
  });
  try {
    return run(repo.dir).statements.find((s) => s.id === 'assessing-needs')!;
  } finally {
    repo.cleanup();
  }
}

describe('findings', () => {
  it('never cite an item under a finding that says more than its judgement', () => {
    const s = statement([
      {
        title: 'People waiting without checks',
        summary: 'People on the waiting list were not risk-assessed while they waited.',
        judgement: 'shortfall',
      },
    ]);
    expect(s.findings.map((f) => f.effect)).toEqual(['shortfall']);
  });

  it('cite each item once in a statement, however many rules fired on it', () => {
    const s = statement([
      {
        title: 'Long waits and mixed feedback',
        summary: 'People waited months for an assessment and feedback on the service was mixed.',
      },
    ]);
    expect(s.findings.flatMap((f) => f.evidence)).toHaveLength(1);
  });

  it('say what the item is about, not a generic sentence, when only a cue read it', () => {
    const s = statement([
      {
        title: 'Interpreters booked for every first visit',
        summary: 'Families were positive about the interpreters booked for first visits.',
      },
    ]);
    expect(s.findings).toHaveLength(1);
    expect(s.findings[0]).toMatchObject({
      rule: 'cue/well-received',
      text: 'Interpreters booked for every first visit',
      effect: 'strength',
    });
  });
});

describe('confidence', () => {
  it('is never high when the judgements were read from the wording', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      title: `Review ${i}`,
      summary: 'People said reviews were timely and staff were supportive.',
    }));
    const s = statement(items);
    expect(s.confidence?.level).toBe('low');
    expect(s.confidence?.reasons[0]).toContain('inferred from the wording');
  });

  it('can be high when authors judged their own items', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      title: `Review ${i}`,
      summary: 'People said reviews were timely.',
      judgement: 'strength',
    }));
    expect(statement(items).confidence?.reasons[0]).toBe(
      '6 of 6 judged items judged by their authors',
    );
  });
});
