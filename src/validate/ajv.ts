import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The JSON Schemas the tool publishes, read from the package's schemas/ folder. */
export const schemas = {
  evidence: require('../../schemas/evidence.schema.json') as object,
  rubric: require('../../schemas/rubric.schema.json') as object,
  framework: require('../../schemas/framework.schema.json') as object,
  config: require('../../schemas/config.schema.json') as object,
};

export type SchemaName = keyof typeof schemas;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** One Ajv instance for the whole run; each schema is compiled once, on first use. */
export function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    validate = ajv.compile(schemas[name]);
    compiled.set(name, validate);
  }
  return validate;
}

export type { ErrorObject };
