// The speed and memory budgets `npm run bench` checks, and how a measured
// figure is judged against one. Each budget is a ratio measured in the same
// run (or a memory ceiling), so it means the same on any machine.

/** @typedef {{ id: string, label: string, limit: number, unit: 'x' | 'MB' }} Budget */

/** @type {Budget[]} */
export const BUDGETS = [
  { id: 'startup', label: '`--version` against `node -e 0`', limit: 1.5, unit: 'x' },
  { id: 'files-500', label: '500 files against ajv-cli', limit: 1.0, unit: 'x' },
  { id: 'files-2000', label: '2,000 files against ajv-cli', limit: 1.3, unit: 'x' },
  { id: 'files-10000', label: '10,000 files against ajv-cli', limit: 2.0, unit: 'x' },
  { id: 'rss-10000', label: 'peak memory at 10,000 files', limit: 500, unit: 'MB' },
];

/** The median of the finite numbers given, or null when there are none. */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a, b) {
  return a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b;
}

/**
 * Judges each budget by its measured value (a ratio, or megabytes): met when
 * at or under the limit; null when it could not be measured.
 */
export function judge(values) {
  return BUDGETS.map((budget) => {
    const value = values[budget.id] ?? null;
    return { ...budget, value, met: value === null ? null : value <= budget.limit };
  });
}

/** The budgets as a Markdown table. */
export function budgetTable(results) {
  const shown = (r) =>
    r.value === null
      ? '–'
      : r.unit === 'x'
        ? `${r.value.toFixed(2)}×`
        : `${Math.round(r.value)} MB`;
  const limit = (r) => (r.unit === 'x' ? `≤ ${r.limit.toFixed(1)}×` : `< ${r.limit} MB`);
  return [
    '| budget | measured | limit | |',
    '|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${shown(r)} | ${limit(r)} | ${r.met === null ? 'not measured' : r.met ? 'met' : '**missed**'} |`,
    ),
  ].join('\n');
}
