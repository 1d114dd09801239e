#!/usr/bin/env node
// npm run rubric-schema: writes the condition language of
// schemas/rubric.schema.json from the rule operators, each of which declares
// its options' JSON Schema beside its code (src/score/operators/). With
// --check, only says whether the file is up to date (exit 1 when not).
import { conditionSchema } from '../dist/score/operators/registry.js';
import { regenerateSchema } from './generated-schema.js';

await regenerateSchema('rubric.schema.json', 'rubric-schema', (schema) => {
  schema.definitions.condition.properties = conditionSchema();
  return schema;
});
