import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { run } from '../../src/run/index.js';
import { LA_CONFIG, tempRepo } from '../helpers.js';

const STATEMENTS = loadFramework('local-authority').statements.map((s) => s.id);

function overallFor(judgements: Record<string, string>) {
  const files: Record<string, string> = { 'cqc-score.yaml': LA_CONFIG };
  for (const [statement, judgement] of Object.entries(judgements)) {
    files[`${statement}.yaml`] =
      `statement: ${statement}\nevidence:\n  - title: An item\n    category: processes\n    summary: Something was done.\n    date: 2024-07-01\n    source: Records\n    judgement: ${judgement}\n`;
  }
  const repo = tempRepo(files);
  try {
    return run(repo.dir);
  } finally {
    repo.cleanup();
  }
}

describe('the overall range while statements are not assessed', () => {
  it('spans what the unassessed statements could bring, and says the result is provisional', () => {
    // One statement at 2; the other eight anywhere from 1 (28%) to 4 (95%).
    const result = overallFor({ safeguarding: 'shortfall' });
    expect(result.provisional).toBe(true);
    expect(result.overall.range).toEqual({ lowest: 'inadequate', highest: 'outstanding' });
  });

  it('narrows as statements are scored', () => {
    const eight = Object.fromEntries(STATEMENTS.slice(0, 8).map((id) => [id, 'strength']));
    // Eight at 3 (24 points): the ninth at 1 gives 25/36 (70%), at 4 gives 28/36 (78%).
    const result = overallFor(eight);
    expect(result.overall.range).toEqual({ lowest: 'good', highest: 'good' });
  });

  it('is null once every statement is scored', () => {
    const all = Object.fromEntries(STATEMENTS.map((id) => [id, 'strength']));
    const result = overallFor(all);
    expect(result.overall.range).toBeNull();
    expect(result.overall.rating).toBe('good');
  });
});
