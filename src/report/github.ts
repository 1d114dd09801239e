import type { Formatter } from './types.js';

export const github: Formatter = () => {
  throw new Error('the github format is not available yet');
};
