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

/** The options every validator is compiled with, at build time and at run time alike. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * The validator for one schema. The build compiles each schema to standalone
 * code (dist/validate/standalone), so a run starts without compiling; from
 * sources, or if that code is missing, one Ajv instance compiles on first use.
 */
export function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    try {
      validate = require(`./standalone/${name}.cjs`) as ValidateFunction;
    } catch {
      ajv ??= new Ajv(AJV_OPTIONS);
      validate = ajv.compile(schemas[name]);
    }
    compiled.set(name, validate);
  }
  return validate;
}

export type { ErrorObject };
