// The README's two set-up commands must keep working as written.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('README quick start', () => {
  it('opens with the install-and-run command and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/^npm ci && npm run example\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
  });

  it('runs the example on a bundled folder that exists', () => {
    const folder = /cqc-score\.js (\S+)/.exec(pkg.scripts.example ?? '')?.[1];
    expect(folder).toBeDefined();
    expect(existsSync(`${folder}/cqc-score.yaml`)).toBe(true);
  });

  it('documents every diagnostic code the broken fixture produces', async () => {
    const { run } = await import('../src/run/index.js');
    for (const d of run('fixtures/broken').diagnostics) expect(readme).toContain(`\`${d.code}\``);
  });
});
