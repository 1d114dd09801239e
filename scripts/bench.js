#!/usr/bin/env node
// npm run bench: whole-process benchmark of cqc-score against two references.
//
// 1. Generates synthetic local-authority evidence repositories under
//    bench-data/ (20, 1,000 and 10,000 files of 10 items each; deterministic
//    seed; ~0.5% invalid files) with scripts/bench/generate.js. They are only
//    regenerated when missing or made by another generator version.
// 2. Times whole-process runs, on the same files, in the same run:
//    - cqc-score DIR --format json > /dev/null
//    - the floor: scripts/bench/floor.js, which only walks, reads and parses
//      every file with js-yaml's loadAll;
//    - ajv-cli validating the same files against schemas/evidence.schema.json.
//    plus `cqc-score --version` against `node -e 0` (startup) and a 20-file
//    repository. Each measurement is repeated (medians); the runs of a group
//    are interleaved, after one untimed warm-up pass over the files. At
//    10,000 files it also times scripts/bench/lower-bound.js, the steps no
//    run writing cqc-score's JSON can skip (read, parse, split words, write
//    the JSON), by the time it reports itself, which leaves out its loading
//    of that JSON.
// 3. Peak RSS of every child comes from scripts/bench/rss.cjs, preloaded with
//    NODE_OPTIONS=--require, which writes process.resourceUsage().maxRSS.
// 4. Prints a table of ratios and whether each target is met, and writes the
//    figures to bench-data/results.json. Exits 0 even when targets are missed
//    (it is a report); exits 2 only when the harness itself cannot run.
//
// Environment:
//   BENCH_RUNS=N        repetitions of every measurement (default: startup 10,
//                       20 and 1,000 files 5, 10,000 files 3)
//   BENCH_RUNS_LARGE=N  repetitions of the 10,000-file measurements only
//   BENCH_BUDGET_S=S    stop repeating measurements once the timed part has
//                       taken this long (default 400); at least one run each
//   BENCH_SEED=N        generator seed (default 20250630)
//
// ajv-cli notes: ajv-cli 5 reads .yaml data files with js-yaml 3, which turns
// an unquoted `date: 2024-08-14` into a Date object, so against our schema
// every item would fail `type: string`. The reference therefore uses a copy of
// the schema (bench-data/ajv-evidence.schema.json) whose `date` also accepts
// that object; everything else is the schema unchanged. ajv-cli also stops the
// whole run (exit 2) at the first file it cannot parse, so it is given a glob
// that leaves out the malformed `*-draft.yaml` files (16 of 10,000) and the
// top-level cqc-score.yaml configuration.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'bench-data');
const CLI = 'bin/cqc-score.js';
const FLOOR = 'scripts/bench/floor.js';
const LOWER_BOUND = 'scripts/bench/lower-bound.js';
const RSS_PRELOAD = path.join(ROOT, 'scripts', 'bench', 'rss.cjs');
const SCHEMA = path.join(ROOT, 'schemas', 'evidence.schema.json');
const AJV_SCHEMA = 'bench-data/ajv-evidence.schema.json';
const SIZES = { small: 20, medium: 1000, large: 10000 };

const envInt = (name) => {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: ${name} must be a positive integer, got ${JSON.stringify(v)}\n`);
    process.exit(2);
  }
  return n;
};
const RUNS_ALL = envInt('BENCH_RUNS');
const RUNS = {
  startup: RUNS_ALL ?? 10,
  small: RUNS_ALL ?? 5,
  large: envInt('BENCH_RUNS_LARGE') ?? RUNS_ALL ?? 3,
};
const BUDGET_S = envInt('BENCH_BUDGET_S') ?? 400;
const SEED = envInt('BENCH_SEED');

const log = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};

// --- prerequisites -----------------------------------------------------------

function ensureTools() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    fail('dist/ is missing: run `npm run build` first (npm run bench does)');
  }
  const require = createRequire(path.join(ROOT, 'package.json'));
  const missing = ['ajv-cli/package.json', 'js-yaml'].filter((id) => {
    try {
      require.resolve(id);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    const specs = missing.map((id) =>
      id.startsWith('ajv-cli') ? 'ajv-cli@^5.0.0' : 'js-yaml@^4.1.0',
    );
    log(`installing ${specs.join(', ')} from the npm registry (npm install --no-save) ...`);
    const npm = process.env.npm_execpath;
    const r = npm
      ? spawnSync(
          process.execPath,
          [npm, 'install', '--no-save', '--no-audit', '--no-fund', ...specs],
          { cwd: ROOT, stdio: 'inherit' },
        )
      : spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...specs], {
          cwd: ROOT,
          stdio: 'inherit',
        });
    if (r.status !== 0) fail(`could not install ${specs.join(', ')}`);
  }
  const ajvPkgPath = require.resolve('ajv-cli/package.json');
  const ajvPkg = JSON.parse(fs.readFileSync(ajvPkgPath, 'utf8'));
  const bin = typeof ajvPkg.bin === 'string' ? ajvPkg.bin : ajvPkg.bin.ajv;
  return {
    ajvBin: path.relative(ROOT, path.join(path.dirname(ajvPkgPath), bin)),
    ajvVersion: ajvPkg.version,
  };
}

function writeAjvSchema() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  const date = schema.definitions?.item?.properties?.date;
  if (!date)
    fail(
      'schemas/evidence.schema.json has no definitions.item.properties.date any more: update scripts/bench.js',
    );
  schema.definitions.item.properties.date = { anyOf: [date, { type: 'object' }] };
  fs.writeFileSync(path.join(ROOT, AJV_SCHEMA), `${JSON.stringify(schema, null, 2)}\n`);
}

// --- measuring ---------------------------------------------------------------

const DEV_NULL = fs.openSync(os.devNull, 'w');
const LOGS = path.join(DATA, 'logs');
let runCounter = 0;
const nodeOptions = [
  process.env.NODE_OPTIONS,
  `--require=${RSS_PRELOAD.includes(' ') ? JSON.stringify(RSS_PRELOAD) : RSS_PRELOAD}`,
]
  .filter(Boolean)
  .join(' ');

/** One whole-process run: stdout to /dev/null, stderr to bench-data/logs/KEY.err. */
function runOnce(scenario) {
  const rssFile = path.join(LOGS, `rss-${process.pid}-${runCounter++}.txt`);
  const errPath = path.join(LOGS, `${scenario.key}.err`);
  const errFd = fs.openSync(errPath, 'w');
  const env = { ...process.env, NODE_OPTIONS: nodeOptions, BENCH_RSS_FILE: rssFile };
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, scenario.args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', scenario.selfTimed ? 'pipe' : DEV_NULL, errFd],
    maxBuffer: 1 << 20,
  });
  let seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(errFd);
  let rssKB = null;
  try {
    rssKB = Number(fs.readFileSync(rssFile, 'utf8').trim());
    fs.rmSync(rssFile);
  } catch {
    // the child died before its exit handler ran
  }
  let ok = r.error === undefined && r.signal === null && scenario.okStatus.includes(r.status);
  if (ok && scenario.selfTimed) {
    // It loads a large JSON file untimed, so its own figure is the one to use, and its memory says nothing.
    let total = NaN;
    try {
      total = Number(JSON.parse(String(r.stdout).trim().split('\n').pop() ?? '').total);
    } catch {
      // reported below
    }
    ok = Number.isFinite(total);
    seconds = total / 1000;
    rssKB = null;
    if (!ok) scenario.error = `no total in its output: ${String(r.stdout).slice(0, 200)}`;
  }
  if (!ok) {
    const tail = fs.readFileSync(errPath, 'utf8').split('\n').slice(-15).join('\n');
    const why = r.error
      ? r.error.message
      : r.signal
        ? `signal ${r.signal}`
        : `exit status ${r.status}`;
    scenario.error = `${why}\n${tail}`;
  }
  return { seconds, rssKB, status: r.status, ok };
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

let timedSeconds = 0;
let budgetHit = false;

/** Runs every scenario of a group `runs` times, interleaved, rotating the order each round. */
function measureGroup(group, runs) {
  for (const s of group) {
    s.samples = [];
    s.runsWanted = runs;
  }
  for (let round = 0; round < runs; round++) {
    if (round > 0 && timedSeconds > BUDGET_S) {
      budgetHit = true;
      break;
    }
    for (let i = 0; i < group.length; i++) {
      const s = group[(i + round) % group.length];
      if (s.error) continue;
      const sample = runOnce(s);
      timedSeconds += sample.seconds;
      if (sample.ok) s.samples.push(sample);
    }
  }
  for (const s of group) {
    s.seconds = median(s.samples.map((x) => x.seconds));
    s.rssMB = median(s.samples.map((x) => (x.rssKB === null ? null : x.rssKB / 1024)));
    process.stdout.write(
      `  ${s.label.padEnd(44)} ${s.error ? 'ERROR' : `${s.seconds.toFixed(3)} s  ${s.rssMB === null ? '–' : `${s.rssMB.toFixed(1)} MB`}  (${s.samples.length} runs)`}\n`,
    );
  }
}

// --- scenarios ---------------------------------------------------------------

function repoDir(files) {
  return `bench-data/repo-${files}`;
}

function scenariosFor(files, tag, ajvBin) {
  const dir = repoDir(files);
  return {
    floor: {
      key: `floor-${tag}`,
      group: tag,
      label: 'floor: walk + read + js-yaml loadAll',
      args: [FLOOR, dir],
      okStatus: [0],
    },
    ajv: {
      key: `ajv-${tag}`,
      group: tag,
      label: 'ajv-cli validate (schema only)',
      args: [
        ajvBin,
        'validate',
        '-s',
        AJV_SCHEMA,
        '-d',
        `${dir}/*/**/!(*-draft).yaml`,
        '--all-errors',
      ],
      okStatus: [0, 1],
    },
    cqc: {
      key: `cqc-${tag}`,
      group: tag,
      label: 'cqc-score DIR --format json',
      args: [CLI, dir, '--format', 'json'],
      okStatus: [0, 1],
    },
    bound: {
      key: `bound-${tag}`,
      group: tag,
      label: 'lower bound: read, parse, words, JSON',
      args: [LOWER_BOUND, dir, resultFile(files), '--threads', os.cpus().length > 1 ? '2' : '1'],
      okStatus: [0],
      selfTimed: true,
    },
  };
}

/** Where a cqc-score result for the lower bound to write is kept. */
function resultFile(files) {
  return `bench-data/result-${files}.json`;
}

/** Writes the result the lower bound serialises (untimed). */
function writeResult(files) {
  const out = fs.openSync(path.join(ROOT, resultFile(files)), 'w');
  const r = spawnSync(process.execPath, [CLI, repoDir(files), '--format', 'json'], {
    cwd: ROOT,
    stdio: ['ignore', out, 'ignore'],
  });
  fs.closeSync(out);
  if (r.status !== 0 && r.status !== 1)
    fail(`cqc-score failed on ${repoDir(files)} (status ${r.status})`);
}

// --- report ------------------------------------------------------------------

const fmtRatio = (r) =>
  r === null || r === undefined || !Number.isFinite(r) ? '–' : `${r.toFixed(2)}x`;
const fmtNum = (n, digits) => (n === null || n === undefined ? '–' : n.toFixed(digits));
const ratio = (a, b) =>
  a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b;

function target(name, value, limit, op, unit) {
  const met = value === null ? null : op === '<=' ? value <= limit : value < limit;
  return { name, value, limit, op, unit, met };
}

const fmtTarget = (t) =>
  `${t.op === '<=' ? '≤' : '<'} ${t.unit === 'x' ? `${t.limit.toFixed(2)}x` : `${t.limit} ${t.unit}`} ${t.name}`;
const fmtMet = (t) => (t.met === null ? 'n/a (error)' : t.met ? 'met' : 'MISSED');

function main() {
  const t0 = process.hrtime.bigint();
  const loadStart = os.loadavg()[0];
  const { ajvBin, ajvVersion } = ensureTools();
  fs.mkdirSync(LOGS, { recursive: true });
  writeAjvSchema();

  return import('./bench/generate.js').then(({ ensureRepo, DEFAULT_SEED, GENERATOR_VERSION }) => {
    const seed = SEED ?? DEFAULT_SEED;
    const repos = {};
    for (const [tag, files] of Object.entries(SIZES)) {
      const g0 = process.hrtime.bigint();
      repos[tag] = ensureRepo(path.join(ROOT, repoDir(files)), files, seed);
      const took = Number(process.hrtime.bigint() - g0) / 1e9;
      log(
        `${repos[tag].regenerated ? 'generated' : 'reusing  '} ${repoDir(files)}: ${files} files, ` +
          `${(repos[tag].bytes / 1e6).toFixed(1)} MB, ${files - repos[tag].kinds.valid} invalid` +
          (repos[tag].regenerated ? ` (${took.toFixed(1)} s)` : ''),
      );
    }

    const startup = {
      node: {
        key: 'startup-node',
        group: 'startup',
        label: 'floor: node -e 0',
        args: ['-e', '0'],
        okStatus: [0],
      },
      cqc: {
        key: 'startup-cqc',
        group: 'startup',
        label: 'cqc-score --version',
        args: [CLI, '--version'],
        okStatus: [0],
      },
    };
    const small = {
      floor: { ...scenariosFor(SIZES.small, 'small', ajvBin).floor },
      cqc: { ...scenariosFor(SIZES.small, 'small', ajvBin).cqc },
    };
    const medium = scenariosFor(SIZES.medium, 'medium', ajvBin);
    const large = scenariosFor(SIZES.large, 'large', ajvBin);

    log('warming up (untimed: node, cqc-score --version, one floor pass per repository) ...');
    for (const s of [startup.node, startup.cqc, small.floor, medium.floor, large.floor]) runOnce(s);
    writeResult(SIZES.large);

    log(`startup (${RUNS.startup} runs):`);
    measureGroup([startup.node, startup.cqc], RUNS.startup);
    log(`20 files (${RUNS.small} runs):`);
    measureGroup([small.floor, small.cqc], RUNS.small);
    log(`1,000 files (${RUNS.small} runs):`);
    measureGroup([medium.floor, medium.ajv, medium.cqc], RUNS.small);
    log(`10,000 files (${RUNS.large} runs):`);
    measureGroup([large.floor, large.ajv, large.cqc, large.bound], RUNS.large);

    // --- targets ---
    const timeRatio = ratio(large.cqc.seconds, medium.cqc.seconds);
    const rssRatio = ratio(large.cqc.rssMB, medium.cqc.rssMB);
    // Net of the fixed cost (startup, rubrics) measured by the 20-file run.
    const net = (a, b, base) =>
      a === null || b === null || base === null ? null : ratio(a - base, b - base);
    const timeRatioNet = net(large.cqc.seconds, medium.cqc.seconds, small.cqc.seconds);
    const rssRatioNet = net(large.cqc.rssMB, medium.cqc.rssMB, small.cqc.rssMB);

    const targets = {
      startup: [
        target('node -e 0', ratio(startup.cqc.seconds, startup.node.seconds), 1.5, '<=', 'x'),
      ],
      small: [target('(absolute)', small.cqc.seconds, 0.3, '<', 's')],
      large: [
        target('floor', ratio(large.cqc.seconds, large.floor.seconds), 1.5, '<=', 'x'),
        target('ajv-cli', ratio(large.cqc.seconds, large.ajv.seconds), 1, '<', 'x'),
        target('peak RSS', large.cqc.rssMB, 400, '<', 'MB'),
      ],
      linearity: [
        target('time 10k/1k, net of fixed cost (linear = 10x)', timeRatioNet, 12, '<=', 'x'),
        target('RSS 10k/1k, net of fixed cost (linear or better)', rssRatioNet, 12, '<=', 'x'),
      ],
    };

    // --- table ---
    const rows = [
      ['startup', startup.node, null, null, []],
      ['startup', startup.cqc, startup.node, null, targets.startup],
      ['20 files', small.floor, null, null, []],
      ['20 files', small.cqc, small.floor, null, targets.small],
      ['1k files', medium.floor, null, null, []],
      ['1k files', medium.ajv, medium.floor, null, []],
      ['1k files', medium.cqc, medium.floor, medium.ajv, []],
      ['10k files', large.floor, null, null, []],
      ['10k files', large.ajv, large.floor, null, []],
      ['10k files', large.cqc, large.floor, large.ajv, targets.large],
      ['10k files', large.bound, large.floor, large.ajv, []],
    ];
    const header = [
      'scenario',
      'runs',
      'median s',
      'vs floor',
      'vs ajv-cli',
      'peak RSS MB',
      'target',
      'result',
    ];
    const body = [];
    for (const [group, s, floorRef, ajvRef, ts] of rows) {
      const cells = [
        `${group.padEnd(9)} ${s.label}`,
        s.error ? 'ERR' : String(s.samples.length),
        s.error ? 'error' : fmtNum(s.seconds, 3),
        floorRef ? fmtRatio(ratio(s.seconds, floorRef.seconds)) : '',
        ajvRef ? fmtRatio(ratio(s.seconds, ajvRef.seconds)) : '',
        fmtNum(s.rssMB, 1),
      ];
      if (ts.length === 0) body.push([...cells, '', '']);
      ts.forEach((t, i) =>
        body.push(
          i === 0
            ? [...cells, fmtTarget(t), fmtMet(t)]
            : ['', '', '', '', '', '', fmtTarget(t), fmtMet(t)],
        ),
      );
    }
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const right = new Set([1, 2, 3, 4, 5]);
    const line = (r) =>
      r
        .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    log();
    log(
      `cqc-score benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs, ajv-cli ${ajvVersion}; medians`,
    );
    log(line(header));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of body) log(line(r));
    log();
    log(
      'linearity, cqc-score --format json, 1,000 -> 10,000 files (fixed cost = the 20-file run):',
    );
    const cols = (raw, netValue) =>
      `${fmtRatio(raw).padStart(7)} raw, ${fmtRatio(netValue).padStart(7)} net of fixed cost`;
    log(
      `  time  ${cols(timeRatio, timeRatioNet)}   target ≤ 12.00x net (linear = 10x)   ${fmtMet(targets.linearity[0])}`,
    );
    log(
      `  RSS   ${cols(rssRatio, rssRatioNet)}   target ≤ 12.00x net                  ${fmtMet(targets.linearity[1])}`,
    );
    log(
      `  (for comparison, the floor: time ${fmtRatio(ratio(large.floor.seconds, medium.floor.seconds))}, ` +
        `RSS ${fmtRatio(ratio(large.floor.rssMB, medium.floor.rssMB))} raw)`,
    );

    if (large.bound.seconds !== null && large.ajv.seconds !== null && large.cqc.seconds !== null) {
      log();
      log(
        `lower bound at 10,000 files: ${large.bound.seconds.toFixed(3)} s to read, parse, split words and write the JSON, ` +
          `leaving ${(large.ajv.seconds - large.bound.seconds).toFixed(3)} s under ajv-cli for validation, ` +
          `the personal-data check, rules, scoring and the hand-over between threads; ` +
          `cqc-score takes ${(large.cqc.seconds - large.bound.seconds).toFixed(3)} s longer`,
      );
    }

    const all = Object.values(targets).flat();
    const missed = all.filter((t) => t.met !== true);
    const loadEnd = os.loadavg()[0];
    const busy = Math.max(loadStart, loadEnd) > os.cpus().length * 0.75;
    log();
    log(
      `load average ${loadStart.toFixed(2)} at start, ${loadEnd.toFixed(2)} at end (${os.cpus().length} CPUs)` +
        (busy ? ': WARNING the machine was busy, so timings and ratios are unreliable' : ''),
    );
    log(`targets met: ${all.length - missed.length} of ${all.length}`);
    for (const t of missed) {
      const key = Object.entries(targets).find(([, list]) => list.includes(t))[0];
      const group = {
        startup: 'startup',
        small: '20 files',
        large: '10,000 files',
        linearity: 'linearity',
      }[key];
      const value =
        t.value === null
          ? 'error'
          : t.unit === 'x'
            ? `${t.value.toFixed(2)}x`
            : `${t.value.toFixed(t.unit === 's' ? 3 : 1)} ${t.unit}`;
      log(`  ${t.met === null ? 'ERROR ' : 'MISSED'}  ${group}: ${value}, target ${fmtTarget(t)}`);
    }
    const errors = Object.values({ ...startup, ...small })
      .concat(Object.values(medium), Object.values(large))
      .filter((s) => s.error);
    for (const s of errors) log(`  error in ${s.key}: ${s.error}`);
    if (budgetHit)
      log(
        `note: the time budget (BENCH_BUDGET_S=${BUDGET_S}) was reached, so some measurements have fewer runs`,
      );

    const scenario = (s) => ({
      key: s.key,
      label: s.label,
      args: s.args,
      runs: s.samples.length,
      medianSeconds: s.seconds,
      medianPeakRssMB: s.rssMB,
      samples: s.samples.map((x) => ({ seconds: x.seconds, peakRssKB: x.rssKB, status: x.status })),
      error: s.error ?? null,
    });
    const results = {
      schemaVersion: 1,
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      ajvCli: ajvVersion,
      generator: { version: GENERATOR_VERSION, seed },
      repos: Object.fromEntries(
        Object.entries(repos).map(([k, r]) => [
          k,
          { dir: repoDir(r.files), files: r.files, bytes: r.bytes, kinds: r.kinds },
        ]),
      ),
      runs: RUNS,
      scenarios: Object.fromEntries(
        [
          startup.node,
          startup.cqc,
          small.floor,
          small.cqc,
          medium.floor,
          medium.ajv,
          medium.cqc,
          large.floor,
          large.ajv,
          large.cqc,
          large.bound,
        ].map((s) => [s.key, scenario(s)]),
      ),
      ratios: {
        startupVsNode: ratio(startup.cqc.seconds, startup.node.seconds),
        small: { vsFloor: ratio(small.cqc.seconds, small.floor.seconds) },
        medium: {
          vsFloor: ratio(medium.cqc.seconds, medium.floor.seconds),
          vsAjv: ratio(medium.cqc.seconds, medium.ajv.seconds),
        },
        large: {
          vsFloor: ratio(large.cqc.seconds, large.floor.seconds),
          vsAjv: ratio(large.cqc.seconds, large.ajv.seconds),
          lowerBoundVsFloor: ratio(large.bound.seconds, large.floor.seconds),
          lowerBoundVsAjv: ratio(large.bound.seconds, large.ajv.seconds),
        },
        linearity: { time: timeRatio, timeNet: timeRatioNet, rss: rssRatio, rssNet: rssRatioNet },
      },
      targets: Object.fromEntries(Object.entries(targets).map(([k, list]) => [k, list])),
      targetsMet: all.length - missed.length,
      targetsTotal: all.length,
      budgetHit,
      loadAverage: { start: loadStart, end: loadEnd, busy },
      totalSeconds: Number(process.hrtime.bigint() - t0) / 1e9,
    };
    fs.writeFileSync(path.join(DATA, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(
      `figures written to bench-data/results.json (whole benchmark: ${results.totalSeconds.toFixed(0)} s)`,
    );
  });
}

main().catch((err) => fail(err.stack ?? String(err)));
