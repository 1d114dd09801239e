export { loadRules } from './rubrics.js';
export type { RuleSet } from './rubrics.js';
export { rollUp } from './rollup.js';
export { judgeItem } from './judge.js';
export type { Verdict } from './judge.js';
