// The benchmark floor: the least any tool must do to look at an evidence
// repository. Walks DIR (sorted, hidden entries and node_modules skipped),
// reads every .yaml/.yml file and parses it with js-yaml's loadAll; nothing
// else (no validation, no output). Unparseable files are counted, not fatal.
//
// Usage: node scripts/bench/floor.js DIR

import fs from 'node:fs';
import yaml from 'js-yaml';
import { walk } from './walk.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/bench/floor.js DIR\n');
  process.exit(2);
}
let documents = 0;
let broken = 0;
for (const file of walk(dir)) {
  try {
    yaml.loadAll(fs.readFileSync(file, 'utf8'), () => {
      documents += 1;
    });
  } catch {
    broken += 1;
  }
}
if (process.env.BENCH_FLOOR_VERBOSE)
  process.stderr.write(`${documents} documents, ${broken} unparseable\n`);
