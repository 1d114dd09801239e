// The evidence schema lists every statement name for editors to complete,
// written from the catalogues (npm run evidence-schema), and makes nothing
// invalid that the format allows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { withStatementNames } from '../../src/frameworks/statement-schema.js';
import { schemas, validator } from '../../src/schema/ajv.js';
import { translateAjvErrors } from '../../src/schema/ajv-errors.js';
import { runCli } from '../helpers.js';

const text = readFileSync('schemas/evidence.schema.json', 'utf8');
const file = JSON.parse(text) as {
  properties: { statement: { anyOf: [unknown, { enum: string[] }] } };
};
const names = file.properties.statement.anyOf[1].enum;

const item = (statement: unknown): object => ({
  evidence: [{ title: 'A', category: 'processes', summary: 'B', statement }],
});

describe('statement names in the evidence schema', () => {
  it('are up to date with rubrics/frameworks (run npm run evidence-schema)', () => {
    const fresh = withStatementNames(JSON.parse(text) as object);
    expect(JSON.parse(text)).toEqual(fresh);
  });

  it.each(['local-authority', 'provider'] as const)(
    'include every id, title and alias of the %s framework',
    (framework) => {
      for (const s of loadFramework(framework).statements)
        for (const name of [s.id, s.title, ...s.aliases]) expect(names).toContain(name);
    },
  );

  it('are offered to editors wherever a statement is named', async () => {
    interface Named {
      anyOf: [{ type: string }, { enum: string[] }];
    }
    const printed = (await runCli(['schema'])).stdout;
    const schema = JSON.parse(printed) as {
      properties: { statement: Named };
      definitions: { item: { properties: { statement: Named; statements: { items: Named } } } };
    };
    const item = schema.definitions.item.properties;
    for (const named of [schema.properties.statement, item.statement, item.statements.items]) {
      expect(named.anyOf[0].type).toBe('string');
      expect(named.anyOf[1].enum).toEqual(names);
    }
    expect(names).toContain('Safe systems, pathways and transitions');
  });

  it.each([
    'safeguarding',
    'SAFEGUARDING',
    'Safe systems, pathways & transitions!',
    'a name no framework has (reported later as unknown-statement, not here)',
  ])('accept %j, as the format does', (name) => {
    const validate = validator('evidence');
    expect(validate(item(name))).toBe(true);
    expect(
      validate({
        statement: name,
        evidence: [{ title: 'A', category: 'processes', summary: 'B', statements: [name] }],
      }),
    ).toBe(true);
  });

  it.each([
    ['', 'schema/empty', '"statement" must not be empty'],
    [42, 'schema/type', '"statement" must be text, not a number'],
  ])('refuse %j with one diagnostic', (name, code, message) => {
    const validate = validator('evidence');
    const value = item(name);
    expect(validate(value)).toBe(false);
    expect(translateAjvErrors(validate.errors ?? [], value, schemas.evidence)).toEqual([
      { code, path: ['evidence', 0, 'statement'], message },
    ]);
  });
});
