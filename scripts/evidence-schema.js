#!/usr/bin/env node
// npm run evidence-schema: writes the statement names of
// schemas/evidence.schema.json (wherever a statement is named) from the framework
// catalogues in rubrics/frameworks/, so editors complete them. With --check,
// only says whether the file is up to date (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { withStatementNames } from '../dist/frameworks/statement-schema.js';

const file = new URL('../schemas/evidence.schema.json', import.meta.url);
const before = readFileSync(file, 'utf8');
const schema = withStatementNames(JSON.parse(before));
const options = (await resolveConfig(file)) ?? {};
const after = await format(JSON.stringify(schema), { ...options, parser: 'json' });
if (process.argv.includes('--check')) {
  process.stdout.write(
    after === before ? 'up to date\n' : 'out of date: run npm run evidence-schema\n',
  );
  process.exitCode = after === before ? 0 : 1;
} else if (after !== before) {
  writeFileSync(file, after);
  process.stdout.write('wrote schemas/evidence.schema.json\n');
} else process.stdout.write('schemas/evidence.schema.json is up to date\n');
