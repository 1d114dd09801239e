import { describe, expect, it } from 'vitest';
import { withoutStacks } from '../../src/load/yaml-lib.js';

describe('withoutStacks', () => {
  it('captures no stack while parsing and restores the limit afterwards', () => {
    const before = Error.stackTraceLimit;
    expect(withoutStacks(() => new Error('inside').stack)).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('restores the limit when the parse throws', () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutStacks(() => {
        throw new Error('bad');
      }),
    ).toThrow('bad');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });
});
