#!/usr/bin/env node
// npm run calibrate -- DIR... : agreement between suggested and published scores.
import { calibrate, calibrationReport } from '../dist/calibrate/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  process.stderr.write('usage: npm run calibrate -- DIR... [--json]\n');
  process.exitCode = 2;
} else {
  const outcome = calibrate(dirs);
  process.stdout.write(json ? `${JSON.stringify(outcome, null, 2)}\n` : calibrationReport(outcome));
}
