#!/usr/bin/env node
// npm run bench: cqc-score's speed and memory at the sizes its users have,
// as ratios measured in the same run (scripts/bench/budgets.js):
//
//   `cqc-score --version` against `node -e 0`          ≤ 1.5×
//   500 files against ajv-cli validating the same       ≤ 1.0×
//   2,000 files against ajv-cli                          ≤ 1.3×
//   10,000 files against ajv-cli                         ≤ 2.0×, peak memory < 500 MB
//
// Repositories are generated under bench-data/ (scripts/bench/generate.js: a
// fixed seed, 10 items a file, about 0.5% invalid files). Each measurement is
// a whole process; the runs of a size are interleaved after one untimed
// warm-up, and the medians compared. Peak memory comes from
// scripts/bench/rss.cjs, preloaded into every child. Exits 0 with the table
// even when a budget is missed (it is a report), 2 when it cannot run.
//
// ajv-cli 5 reads YAML with js-yaml 3, which turns an unquoted date into a
// Date object, so it is given a copy of the schema whose `date` also accepts
// one; it stops at the first file it cannot parse, so it skips the malformed
// `*-draft.yaml` files.
//
// BENCH_RUNS=N  repetitions of each measurement (default 5; 3 at 10,000 files)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { budgetTable, judge, median, ratio } from './bench/budgets.js';
import { DEFAULT_SEED, ensureRepo } from './bench/generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'bench-data');
const RSS_PRELOAD = path.join(ROOT, 'scripts', 'bench', 'rss.cjs');
const AJV_SCHEMA = path.join(DATA, 'ajv-evidence.schema.json');
const SIZES = [500, 2000, 10000];
const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : undefined;

const log = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};

function ajvCli() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  let pkgPath;
  try {
    pkgPath = require.resolve('ajv-cli/package.json');
  } catch {
    fail('ajv-cli is not installed: run npm ci (it is a dev dependency)');
  }
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.ajv;
  const schema = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'schemas/evidence.schema.json'), 'utf8'),
  );
  const date = schema.definitions?.item?.properties?.date;
  if (!date) fail('the evidence schema has no item date any more: update scripts/bench.js');
  schema.definitions.item.properties.date = { anyOf: [date, { type: 'object' }] };
  // patternErrorMessage is for editors (yaml-language-server); ajv-cli's strict mode refuses it.
  fs.writeFileSync(
    AJV_SCHEMA,
    JSON.stringify(schema, (key, value) => (key === 'patternErrorMessage' ? undefined : value)),
  );
  return path.join(path.dirname(pkgPath), bin);
}

const DEV_NULL = fs.openSync(os.devNull, 'w');
let counter = 0;

/** One whole-process run: its seconds and peak memory in MB (null when it failed). */
function runOnce(args, okStatus) {
  const rssFile = path.join(os.tmpdir(), `cqc-bench-rss-${process.pid}-${counter++}`);
  const env = {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require=${RSS_PRELOAD}`].filter(Boolean).join(' '),
    BENCH_RSS_FILE: rssFile,
  };
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', DEV_NULL, 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Exit 1 is allowed for invalid evidence, not for a schema the validator refused.
  if (r.error || r.signal || !okStatus.includes(r.status) || /schema .* is invalid/.test(r.stderr))
    fail(
      `${args.join(' ')} failed (${r.error?.message ?? r.signal ?? `exit ${r.status}`}):\n${String(r.stderr).slice(-800)}`,
    );
  let mb = null;
  try {
    mb = Number(fs.readFileSync(rssFile, 'utf8').trim()) / 1024;
    fs.rmSync(rssFile);
  } catch {
    // no figure: the child did not reach its exit handler
  }
  return { seconds, mb };
}

/** Runs each command `runs` times, interleaved in rotating order after one warm-up; medians. */
function measure(commands, runs) {
  for (const c of commands) runOnce(c.args, c.ok);
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++)
    for (let i = 0; i < commands.length; i++) {
      const at = (i + round) % commands.length;
      samples[at].push(runOnce(commands[at].args, commands[at].ok));
    }
  return commands.map((c, i) => {
    const seconds = median(samples[i].map((s) => s.seconds));
    const mb = median(samples[i].map((s) => s.mb));
    log(
      `  ${c.label.padEnd(34)} ${seconds.toFixed(3)} s  ${mb === null ? '' : `${mb.toFixed(0)} MB`}`,
    );
    return { seconds, mb };
  });
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'cqc-score.js'))) fail('run npm run build first');
fs.mkdirSync(DATA, { recursive: true });
const ajv = ajvCli();
const values = {};

log(
  `cqc-score bench on ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(2)}`,
);
log('startup');
const [version, bare] = measure(
  [
    { label: 'cqc-score --version', args: ['bin/cqc-score.js', '--version'], ok: [0] },
    { label: 'node -e 0', args: ['-e', '0'], ok: [0] },
  ],
  RUNS ?? 10,
);
values.startup = ratio(version.seconds, bare.seconds);

for (const files of SIZES) {
  const dir = path.join('bench-data', `repo-${files}`);
  ensureRepo(path.join(ROOT, dir), files, DEFAULT_SEED);
  log(`${files.toLocaleString('en-GB')} files`);
  const [cqc, reference] = measure(
    [
      {
        label: 'cqc-score DIR --format json',
        args: ['bin/cqc-score.js', dir, '--format', 'json'],
        ok: [0, 1],
      },
      {
        label: 'ajv-cli validate',
        args: [
          ajv,
          'validate',
          '-s',
          AJV_SCHEMA,
          '-d',
          `${dir}/*/**/!(*-draft).yaml`,
          '--all-errors',
        ],
        ok: [0, 1],
      },
    ],
    RUNS ?? (files >= 10000 ? 3 : 5),
  );
  values[`files-${files}`] = ratio(cqc.seconds, reference.seconds);
  if (files === 10000) values['rss-10000'] = cqc.mb;
}

const results = judge(values);
log();
log(budgetTable(results));
fs.writeFileSync(
  path.join(DATA, 'results.json'),
  `${JSON.stringify({ values, results }, null, 2)}\n`,
);
if (os.loadavg()[0] > os.cpus().length)
  log('\nThe machine was busy while measuring (load above its core count): figures may be high.');
