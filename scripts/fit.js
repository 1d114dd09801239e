#!/usr/bin/env node
// npm run fit -- DIR... : fits the item weights to the published scores of
// every case of the labelled form below DIR (all councils) and writes them to
// src/score/weights.ts. Rebuild afterwards (npm run build) to use them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIT_FORM, fitWeights, scoreCases } from '../dist/calibrate/index.js';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  process.stderr.write('usage: npm run fit -- DIR...\n');
  process.exit(2);
}
const rows = scoreCases(dirs).filter((r) => r.form === FIT_FORM);
const weights = fitWeights(rows);
const target = fileURLToPath(new URL('../src/score/weights.ts', import.meta.url));
const before = readFileSync(target, 'utf8');
const body = Object.entries(weights)
  .map(([key, value]) => `  ${key.includes('-') ? `'${key}'` : key}: ${value},`)
  .join('\n');
const after = before.replace(/= \{\n[\s\S]*?\n\};/, `= {\n${body}\n};`);
writeFileSync(target, after);
process.stdout.write(
  `fitted on ${rows.length} statement scores from ${new Set(rows.map((r) => r.name)).size} councils: ` +
    `shortfall ${weights.shortfall}, significant shortfall ${weights['significant-shortfall']}\n` +
    (after === before
      ? 'src/score/weights.ts unchanged\n'
      : 'wrote src/score/weights.ts; run npm run build\n'),
);
