import type { Config } from '../model/index.js';

/** True when YYYY-MM-DD names a real calendar day. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A date written day first, as in Britain (`14/08/2024`, `1.8.2024`,
 * `14-08-2024`), or year first with slashes (`2024/08/14`), as YYYY-MM-DD;
 * undefined when it is not one or names no real day.
 */
export function isoDate(text: string): string | undefined {
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text.trim());
  const [year, month, day] = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : yearFirst
      ? [yearFirst[1], yearFirst[2], yearFirst[3]]
      : [];
  if (year === undefined) return undefined;
  const iso = `${year}-${(month as string).padStart(2, '0')}-${(day as string).padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

function parts(text: string): [number, number, number] {
  return [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
}

/** Whole months from `from` to `to` (both YYYY-MM-DD); negative when `from` is later. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < d1) months--;
  if (months < 0 && d2 > d1) months++;
  return months;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True when the evidence dated `date` is more than `months` whole months older than `asOf`. */
export function isOlderThan(date: string, asOf: string, months: number): boolean {
  const [y, m, d] = parts(asOf);
  const limitMonthIndex = y * 12 + (m - 1) - months;
  const limitYear = Math.floor(limitMonthIndex / 12);
  const limitMonth = (limitMonthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(limitYear, limitMonth, 0)).getUTCDate();
  const limit = `${String(limitYear).padStart(4, '0')}-${String(limitMonth).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return date < limit;
}

/** Date checks for one run, remembered per date: many items share a date. */
export function dateChecks(config: Config): {
  real(date: string): boolean;
  age(date: string): number;
  stale(date: string): boolean;
} {
  const memo = new Map<string, { real: boolean; age: number; stale: boolean }>();
  const get = (date: string): { real: boolean; age: number; stale: boolean } => {
    let known = memo.get(date);
    if (!known) {
      const real = isRealDate(date);
      known = {
        real,
        age: real ? monthsBetween(date, config.asOf) : 0,
        stale: real && isOlderThan(date, config.asOf, config.staleAfterMonths),
      };
      memo.set(date, known);
    }
    return known;
  };
  return {
    real: (date) => get(date).real,
    age: (date) => get(date).age,
    stale: (date) => get(date).stale,
  };
}
