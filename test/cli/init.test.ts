import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { load } from 'js-yaml';
import { runCli } from '../helpers.js';
import { afterAll, describe, expect, it } from 'vitest';
import { actionRef, scaffold } from '../../src/cli/init.js';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { run } from '../../src/run/index.js';

const temp = mkdtempSync(join(tmpdir(), 'cqc-score-init-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv);
  return { code, out: stdout, err: stderr };
}

describe.each(['provider', 'local-authority'] as const)('init --framework %s', (framework) => {
  const dir = join(temp, framework);
  const catalogue = loadFramework(framework);

  it('writes configuration, one example per statement, a README and a workflow', async () => {
    const { code, out } = await cli('init', dir, '--framework', framework, '--as-of', '2025-01-31');
    expect(code).toBe(0);
    expect(out).toContain('README.md');
    expect(readFileSync(join(dir, 'cqc-score.yaml'), 'utf8')).toContain(
      `framework: ${framework}\nas-of: 2025-01-31`,
    );
    for (const s of catalogue.statements) {
      const text = readFileSync(join(dir, 'evidence', s.group, `${s.id}.yaml`), 'utf8');
      expect(text.split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../schemas/evidence.schema.json',
      );
      expect(text).toContain(`# statement: ${s.id}`);
    }
    expect(
      JSON.parse(readFileSync(join(dir, 'schemas', 'evidence.schema.json'), 'utf8')),
    ).toHaveProperty('$schema');
    const workflow = load(
      readFileSync(join(dir, '.github', 'workflows', 'cqc-score.yml'), 'utf8'),
    ) as { jobs: { score: { steps: { uses?: string; run?: string }[] } } };
    const steps = workflow.jobs.score.steps;
    expect(steps.some((s) => s.uses === actionRef())).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
  });

  it('writes a README that passes markdownlint', () => {
    expect(
      lint({ strings: { README: readFileSync(join(dir, 'README.md'), 'utf8') } }).toString(),
    ).toBe('');
  });

  it('scores a fresh repository with warnings only, and its examples once uncommented', () => {
    const fresh = run(dir);
    expect(fresh.summary.errors).toBe(0);
    expect(new Set(fresh.diagnostics.map((d) => d.code))).toEqual(new Set(['file/empty']));
    const first = catalogue.statements[0];
    if (!first) throw new Error('empty framework');
    const file = join(dir, 'evidence', first.group, `${first.id}.yaml`);
    const text = readFileSync(file, 'utf8');
    const example = text.slice(text.indexOf('# statement:')).replace(/^# ?/gm, '');
    writeFileSync(file, `${text.split('\n')[0]}\n${example}`);
    const filled = run(dir);
    expect(filled.diagnostics.filter((d) => d.file.endsWith(`${first.id}.yaml`))).toEqual([]);
    expect(filled.items).toBe(1);
  });

  it('refuses to overwrite, writing nothing', async () => {
    const { code, err } = await cli('init', dir, '--framework', framework);
    expect(code).toBe(2);
    expect(err).toMatch(/refusing to overwrite/);
  });
});

describe('scaffold', () => {
  it('is the same for the same options', () => {
    const a = scaffold({ framework: 'provider', today: '2025-01-01' });
    const b = scaffold({ framework: 'provider', today: '2025-01-01' });
    expect([...a]).toEqual([...b]);
    expect(a.size).toBe(loadFramework('provider').statements.length + 4);
  });
});
