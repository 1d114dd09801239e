// The evidence schema lists every statement name for editors to complete,
// written from the catalogues (npm run evidence-schema), and makes nothing
// invalid that the format allows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { statementNameSchema } from '../../src/frameworks/statement-schema.js';
import { schemas, validator } from '../../src/schema/ajv.js';
import { translateAjvErrors } from '../../src/schema/ajv-errors.js';
import { runCli } from '../helpers.js';

const file = JSON.parse(readFileSync('schemas/evidence.schema.json', 'utf8')) as {
  definitions: { statementName: { anyOf: [unknown, { enum: string[] }] } };
};
const names = file.definitions.statementName.anyOf[1].enum;

const item = (statement: unknown): object => ({
  evidence: [{ title: 'A', category: 'processes', summary: 'B', statement }],
});

describe('statement names in the evidence schema', () => {
  it('are up to date with rubrics/frameworks (run npm run evidence-schema)', () => {
    expect(file.definitions.statementName).toEqual(statementNameSchema());
  });

  it.each(['local-authority', 'provider'] as const)(
    'include every id, title and alias of the %s framework',
    (framework) => {
      for (const s of loadFramework(framework).statements)
        for (const name of [s.id, s.title, ...s.aliases]) expect(names).toContain(name);
    },
  );

  it('are offered to editors on every place a statement is named', async () => {
    const printed = (await runCli(['schema'])).stdout;
    interface Named {
      allOf?: unknown[];
      items?: unknown;
    }
    const schema = JSON.parse(printed) as {
      properties: { statement: Named };
      definitions: { item: { properties: { statement: Named; statements: Named } } };
    };
    const ref = { $ref: '#/definitions/statementName' };
    expect(schema.properties.statement.allOf).toEqual([ref]);
    expect(schema.definitions.item.properties.statement.allOf).toEqual([ref]);
    expect(schema.definitions.item.properties.statements.items).toEqual(ref);
    expect(printed).toContain('"Safe systems, pathways and transitions"');
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
