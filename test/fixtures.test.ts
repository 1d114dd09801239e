// Every fixture states its own expectations: a "# expect: CODE" comment on the
// line where that diagnostic must be reported. One test reads them all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run/index.js';

const FIXTURES = 'fixtures';

function expectations(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...expectations(path));
      continue;
    }
    if (!/\.ya?ml$/.test(name) || name === 'cqc-score.yaml') continue;
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .forEach((line, index) => {
        const match = /#\s*expect:\s*(.+)$/.exec(line);
        if (!match) return;
        for (const code of (match[1] as string).split(',').map((c) => c.trim()))
          out.push(`${path}:${index + 1} ${code}`);
      });
  }
  return out.sort();
}

const dirs = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory());

describe.each(dirs)('fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  it('reports exactly the diagnostics its # expect: markers name, on their lines', () => {
    const result = run(dir);
    const actual = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort();
    expect(actual).toEqual(expectations(dir));
  });
});
