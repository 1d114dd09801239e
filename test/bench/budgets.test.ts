// How `npm run bench` judges its figures (no timings here: the bench measures).
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetTable, judge, median, ratio } from '../../scripts/bench/budgets.js';

describe('bench budgets', () => {
  it('are the four the project holds itself to', () => {
    expect(BUDGETS.map((b) => [b.id, b.limit])).toEqual([
      ['startup', 1.5],
      ['files-500', 1.0],
      ['files-2000', 1.3],
      ['files-10000', 2.0],
      ['rss-10000', 500],
    ]);
  });

  it('meet a budget at or under its limit, miss it above, and say when it was not measured', () => {
    const results = judge({ startup: 1.5, 'files-500': 1.01, 'files-2000': 0.9, 'rss-10000': 420 });
    expect(results.map((r) => r.met)).toEqual([true, false, true, null, true]);
  });

  it('take medians of the finite samples only', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, null, 5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('give no ratio without both figures', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });

  it('print one row a budget', () => {
    const table = budgetTable(judge({ startup: 1.2, 'files-500': 1.4, 'rss-10000': 388.6 }));
    expect(table.split('\n')).toHaveLength(2 + BUDGETS.length);
    expect(table).toContain('| `--version` against `node -e 0` | 1.20× | ≤ 1.5× | met |');
    expect(table).toContain('| 500 files against ajv-cli | 1.40× | ≤ 1.0× | **missed** |');
    expect(table).toContain('| peak memory at 10,000 files | 389 MB | < 500 MB | met |');
    expect(table).toContain('| 2,000 files against ajv-cli | – | ≤ 1.3× | not measured |');
  });
});
