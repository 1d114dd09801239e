#!/usr/bin/env node
// Compiles each JSON Schema to standalone validation code at build time, so a
// run never pays for compiling them. Output: dist/validate/standalone/<name>.cjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const { AJV_OPTIONS } = await import('../dist/validate/ajv.js');
const names = ['evidence', 'rubric', 'framework', 'config'];
const outDir = new URL('../dist/validate/standalone/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const schema = JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`${name}.cjs`, outDir), standaloneCode.default(ajv, validate));
}
