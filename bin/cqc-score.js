#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// A reader that stops early (`cqc-score evidence | head`) is not an error:
// the rest of the output goes nowhere and the exit status still says what the
// run found.
const ignoreClosedReader = (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
};
process.stdout.on('error', ignoreClosedReader);
process.stderr.on('error', ignoreClosedReader);

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the bundle is loaded: reading it is most of the cost of a start.
  const manifest = new URL('../package.json', import.meta.url);
  process.stdout.write(`${JSON.parse(readFileSync(manifest, 'utf8')).version}\n`);
} else {
  const { main } = await import('../dist/cqc-score.js');
  process.exitCode = await main({ argv, stdout: process.stdout, stderr: process.stderr });
}
