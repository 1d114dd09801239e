// Preloaded into every timed Node child by scripts/bench.js through
// NODE_OPTIONS=--require=<absolute path to this file>. At exit it writes the
// process's peak resident set size (process.resourceUsage().maxRSS, in KB) to
// the file named by BENCH_RSS_FILE. Does nothing when that variable is unset.
'use strict';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef -- plain CommonJS preload
      require('node:fs').writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // a report helper must never change the outcome of the measured process
    }
  });
}
