import type { Formatter } from './types.js';

export const markdown: Formatter = () => {
  throw new Error('the markdown format is not available yet');
};
