/** What the terminal sees: colour by severity in validate (FORCE_COLOR, NO_COLOR, --no-color) and the table fitted to COLUMNS. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers.js';
import { main } from '../../src/cli/main.js';
import { visibleLength } from '../../src/report/table-layout.js';
import { terminalWidth } from '../../src/cli/terminal.js';

const RED_ERROR = '\u001b[31merror\u001b[39m';
const YELLOW_WARN = '\u001b[33mwarn\u001b[39m';

describe('validate colour', () => {
  it.each([
    { env: { FORCE_COLOR: '1' }, args: [], colour: true },
    { env: { FORCE_COLOR: '3' }, args: [], colour: true },
    { env: { FORCE_COLOR: '0' }, args: [], colour: false },
    { env: {}, args: [], colour: false },
    { env: { FORCE_COLOR: '1' }, args: ['--no-color'], colour: false },
    { env: { NO_COLOR: '1' }, args: [], colour: false },
  ])('env $env with $args: colour $colour', async ({ env, args, colour }) => {
    const { code, stdout } = await runCli(['validate', 'fixtures/broken', ...args], env);
    expect(code).toBe(1);
    if (colour) {
      expect(stdout).toContain(RED_ERROR);
      expect(stdout).toContain(YELLOW_WARN);
      // eslint-disable-next-line no-control-regex -- the colour codes are what is tested
      expect(stdout).toMatch(/\u001b\[31m\u001b\[1m\d+ errors\u001b\[22m\u001b\[39m/);
    } else {
      expect(stdout).not.toContain('\u001b');
      expect(stdout).toMatch(/ error schema\/unknown-key {2}/);
    }
  });

  it('colours on a terminal without being asked', async () => {
    let out = '';
    await main({
      argv: ['validate', 'fixtures/broken'],
      stdout: { write: (s: string) => (out += s), isTTY: true },
      stderr: { write: () => true },
      env: {},
    });
    expect(out).toContain(RED_ERROR);
  });

  it('honours FORCE_COLOR when run as a process, with output piped', () => {
    const run = spawnSync(process.execPath, ['bin/cqc-score.js', 'validate', 'fixtures/broken'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '1' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(RED_ERROR);
  });
});

describe('table width from the terminal', () => {
  it.each([60, 80, 100, 160])('COLUMNS=%i fits the table', async (width) => {
    const { stdout } = await runCli(['fixtures/provider-example'], { COLUMNS: String(width) });
    const table = stdout.slice(0, stdout.indexOf('\n\n')).split('\n');
    expect(table.length).toBeGreaterThan(5);
    for (const line of table) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    expect(Math.max(...table.map(visibleLength))).toBeGreaterThan(width - 10);
  });

  it('a file written with --output ignores the terminal width', async () => {
    const out = tempRepo({});
    try {
      const path = `${out.dir}/report.txt`;
      await runCli(['fixtures/seed-learning', '-f', 'table', '-o', path], { COLUMNS: '60' });
      const narrow = (await runCli(['fixtures/seed-learning'], { COLUMNS: '60' })).stdout;
      const piped = (await runCli(['fixtures/seed-learning'])).stdout;
      expect(readFileSync(path, 'utf8')).toBe(piped);
      expect(narrow).not.toBe(piped);
    } finally {
      out.cleanup();
    }
  });

  it.each([
    { env: { COLUMNS: '90' }, tty: false, columns: undefined, width: 90 },
    { env: {}, tty: true, columns: 77, width: 77 },
    { env: {}, tty: false, columns: 77, width: undefined },
    { env: { COLUMNS: 'wide' }, tty: true, columns: 77, width: 77 },
    { env: { COLUMNS: '0' }, tty: false, columns: undefined, width: undefined },
  ])('COLUMNS $env.COLUMNS, terminal $tty of $columns: $width', ({ env, tty, columns, width }) => {
    const stdout = { write: () => true, isTTY: tty, ...(columns ? { columns } : {}) };
    expect(terminalWidth({ argv: [], stdout, stderr: stdout, env })).toBe(width);
  });
});
