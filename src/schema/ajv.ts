import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import { packageRequire } from '../base/paths.js';

const loaded = new Map<string, object>();
const schemaFile = (name: string): object => {
  let schema = loaded.get(name);
  if (!schema)
    loaded.set(name, (schema = packageRequire(`./schemas/${name}.schema.json`) as object));
  return schema;
};

/** The JSON Schemas the tool publishes, read from the package's schemas/ folder on first use. */
export const schemas = {
  get evidence(): object {
    return schemaFile('evidence');
  },
  get rubric(): object {
    return schemaFile('rubric');
  },
  get framework(): object {
    return schemaFile('framework');
  },
  get config(): object {
    return schemaFile('config');
  },
};

export type SchemaName = keyof typeof schemas;

/**
 * The options every validator is compiled with, at build time and at run
 * time alike. `patternErrorMessage` is yaml-language-server's message for a
 * failed pattern, an annotation to Ajv.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  keywords: ['patternErrorMessage'],
};

let ajv: AjvInstance | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * The validator for one schema. The build compiles each schema to standalone
 * code (dist/schema/standalone), so a run starts without compiling; from
 * sources, or if that code is missing, one Ajv instance compiles on first use.
 */
export function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    try {
      validate = packageRequire(`./dist/schema/standalone/${name}.cjs`) as ValidateFunction;
    } catch {
      // Ajv itself is loaded only here: the standalone code needs just its small runtime.
      ajv ??= new (packageRequire('ajv') as { Ajv: typeof AjvInstance }).Ajv(AJV_OPTIONS);
      validate = ajv.compile(schemas[name]);
    }
    compiled.set(name, validate);
  }
  return validate;
}

export type { ErrorObject };
