export type * from './config.js';
export type * from './diagnostic.js';
export type * from './evidence.js';
export type * from './framework.js';
export type * from './result.js';
export type * from './rubric.js';
export { CATEGORIES, JUDGEMENTS, STATUSES } from './evidence.js';
export { SEVERITY_RANK } from './diagnostic.js';
export { CONFIG_FILE_NAME } from './config.js';
