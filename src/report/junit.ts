import type { Formatter } from './types.js';

export const junit: Formatter = () => {
  throw new Error('the junit format is not available yet');
};
