import type { Formatter } from './types.js';

/** The whole result, versioned by `schemaVersion`; see `cqc-score schema --result`. */
export const json: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;
