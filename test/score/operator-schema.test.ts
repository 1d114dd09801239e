import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionSchema, OPERATORS } from '../../src/score/operators/registry.js';

describe('the rule operators', () => {
  it('write the condition language of schemas/rubric.schema.json (npm run rubric-schema)', () => {
    const schema = JSON.parse(readFileSync('schemas/rubric.schema.json', 'utf8')) as {
      definitions: { condition: { properties: unknown } };
    };
    expect(schema.definitions.condition.properties).toEqual(conditionSchema());
  });

  it.each(Object.entries(OPERATORS))(
    '%s is keyed by its own id and describes itself',
    (key, op) => {
      expect(op.id).toBe(key);
      expect(op.description.length).toBeGreaterThan(10);
      expect(Object.keys(op.options).length).toBeGreaterThan(0);
    },
  );
});
