#!/usr/bin/env node
// npm run rubric-schema: writes the condition language of
// schemas/rubric.schema.json from the rule operators, each of which declares
// its options' JSON Schema beside its code (src/score/operators/). With
// --check, only says whether the file is up to date (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { conditionSchema } from '../dist/score/operators/registry.js';

const file = new URL('../schemas/rubric.schema.json', import.meta.url);
const before = readFileSync(file, 'utf8');
const schema = JSON.parse(before);
schema.definitions.condition.properties = conditionSchema();
const options = (await resolveConfig(file)) ?? {};
const after = await format(JSON.stringify(schema), { ...options, parser: 'json' });
if (process.argv.includes('--check')) {
  process.stdout.write(
    after === before ? 'up to date\n' : 'out of date: run npm run rubric-schema\n',
  );
  process.exitCode = after === before ? 0 : 1;
} else if (after !== before) {
  writeFileSync(file, after);
  process.stdout.write('wrote schemas/rubric.schema.json\n');
} else process.stdout.write('schemas/rubric.schema.json is up to date\n');
