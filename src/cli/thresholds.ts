import type { Severity } from '../model/index.js';

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

export function failsThreshold(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
