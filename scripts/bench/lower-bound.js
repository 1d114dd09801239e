// A lower bound for scoring a repository: the steps no run that writes
// cqc-score's JSON can skip, each done the cheapest way this project knows,
// and nothing else. It walks DIR, reads every .yaml/.yml file, parses it with
// the block reader (js-yaml for the files that reader refuses), splits every
// item's title and summary into vocabulary words, then writes RESULT (a
// `--format json` result of the same DIR, loaded untimed) to /dev/null with
// JSON.stringify. No validation, no personal-data check, no rules, no scoring.
// With --threads 2, a worker reads, parses and splits the second half of the
// files while the main thread does the first, as cqc-score's threads do.
//
// Usage (after npm run build):
//   node bin/cqc-score.js DIR --format json > RESULT
//   node scripts/bench/lower-bound.js DIR RESULT [--threads 2]
//
// Prints one JSON line of milliseconds: `startup` runs from the process's
// start until this script's modules are loaded, `total` from the process's
// start to the last write, less the untimed load of RESULT.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import yaml from 'js-yaml';
import { walk } from './walk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { parseBlockYaml } = await import(path.join(ROOT, 'dist/load/block-yaml.js'));
const { readWords, straighten } = await import(path.join(ROOT, 'dist/score/text.js'));

function parse(text) {
  const docs = parseBlockYaml(text);
  if (docs) return docs;
  try {
    return yaml.loadAll(text, null, { schema: yaml.CORE_SCHEMA });
  } catch {
    return [];
  }
}

/** Reads, parses and splits `files` into words as the scorer does; returns how many words were found. */
function readAll(files) {
  let count = 0;
  for (const file of files) {
    for (const doc of parse(fs.readFileSync(file, 'utf8'))) {
      const evidence = doc?.evidence;
      if (!Array.isArray(evidence)) continue;
      for (const item of evidence) {
        const words = [];
        const text = straighten(`${item?.title ?? ''}. ${item?.summary ?? ''}`);
        readWords(text.toLowerCase(), words, []);
        count += words.length;
      }
    }
  }
  return count;
}

if (!isMainThread) {
  parentPort.postMessage(readAll(workerData.files));
} else {
  const [dir, resultFile] = process.argv.slice(2);
  const at = process.argv.indexOf('--threads');
  const threads = at > 0 ? Number(process.argv[at + 1]) : 1;
  if (!dir || !resultFile || !(threads === 1 || threads === 2)) {
    process.stderr.write('usage: node scripts/bench/lower-bound.js DIR RESULT [--threads 1|2]\n');
    process.exit(2);
  }
  const startup = performance.now();
  const files = walk(dir);
  const half = threads === 2 ? Math.ceil(files.length / 2) : files.length;
  const worker =
    threads === 2
      ? new Promise((resolve, reject) => {
          const w = new Worker(fileURLToPath(import.meta.url), {
            workerData: { files: files.slice(half) },
          });
          w.once('message', resolve);
          w.once('error', reject);
        })
      : Promise.resolve(0);
  let count = readAll(files.slice(0, half));
  count += await worker;
  const read = performance.now();

  const loadStart = performance.now();
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  const loading = performance.now() - loadStart;

  const writeStart = performance.now();
  const out = fs.openSync('/dev/null', 'w');
  fs.writeSync(out, `${JSON.stringify(result, null, 2)}\n`);
  fs.closeSync(out);
  const end = performance.now();
  const ms = (n) => Math.round(n);
  process.stdout.write(
    `${JSON.stringify({
      files: files.length,
      words: count,
      threads,
      startup: ms(startup),
      readParseSplit: ms(read - startup),
      json: ms(end - writeStart),
      total: ms(end - loading),
    })}\n`,
  );
}
