#!/usr/bin/env node
// Build-time work a run should not repeat: compiles each JSON Schema to
// standalone validation code (dist/schema/standalone/<name>.cjs), and parses
// and validates the shipped rubrics into dist/data/rubrics/<file>.json.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const { AJV_OPTIONS } = await import('../dist/schema/ajv.js');
const names = ['evidence', 'rubric', 'framework', 'config'];
const outDir = new URL('../dist/schema/standalone/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const schema = JSON.parse(
    readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'),
  );
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`${name}.cjs`, outDir), standaloneCode.default(ajv, validate));
}

const { loadDataFile } = await import('../dist/schema/data-file.js');
const { readdirSync, statSync } = await import('node:fs');
const { join, relative } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const root = fileURLToPath(new URL('../rubrics/', import.meta.url));
const bundle = {};
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(name)) {
      const rel = relative(root, path).split('\\').join('/');
      const schema = rel.startsWith('frameworks/') ? 'framework' : 'rubric';
      const data = loadDataFile(path, schema, schema);
      bundle[rel] = { text: data.text, value: data.value };
    }
  }
};
walk(root);
// One file per rubric, so a run reads only its own framework's.
const out = new URL('../dist/data/rubrics/', import.meta.url);
rmSync(new URL('../dist/data/', import.meta.url), { recursive: true, force: true });
for (const [rel, entry] of Object.entries(bundle)) {
  const file = new URL(`${rel}.json`, out);
  mkdirSync(new URL('./', file), { recursive: true });
  writeFileSync(file, JSON.stringify(entry));
}
