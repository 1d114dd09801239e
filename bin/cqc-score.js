#!/usr/bin/env node
import { main } from '../dist/cqc-score.js';

// A reader that stops early (`cqc-score evidence | head`) is not an error:
// the rest of the output goes nowhere and the exit status still says what the
// run found.
const ignoreClosedReader = (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
};
process.stdout.on('error', ignoreClosedReader);
process.stderr.on('error', ignoreClosedReader);

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
});
