export interface Budget {
  id: string;
  label: string;
  limit: number;
  unit: 'x' | 'MB';
}
export interface Judged extends Budget {
  value: number | null;
  met: boolean | null;
}
export const BUDGETS: Budget[];
export function median(values: readonly unknown[]): number | null;
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null;
export function judge(values: Record<string, number | null | undefined>): Judged[];
export function budgetTable(results: readonly Judged[]): string;
