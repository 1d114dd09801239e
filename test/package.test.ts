// What `npm pack` puts in the tarball people install: the CLI and its data, never the tests, fixtures or bench data.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Packed {
  name: string;
  version: string;
  filename: string;
  files: { path: string }[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
};

/** Scripts are skipped: `npm test` has built dist/ already, and prepare would build it again. */
function pack(): Packed {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  expect(run.status, run.stderr).toBe(0);
  const [packed] = JSON.parse(run.stdout) as Packed[];
  if (!packed) throw new Error('npm pack listed no package');
  return packed;
}

describe('npm pack', () => {
  const packed = pack();
  const paths = packed.files.map((f) => f.path);

  it.each([
    'package.json',
    'README.md',
    'LICENSE',
    'bin/cqc-score.js',
    'dist/cqc-score.js',
    'dist/cli/main.js',
    'rubrics/frameworks/provider.yaml',
    'rubrics/frameworks/local-authority.yaml',
    'rubrics/cues.yaml',
    'schemas/evidence.schema.json',
    'schemas/result.schema.json',
  ])('ships %s', (path) => {
    expect(paths).toContain(path);
  });

  it('ships a rubric for every statement of both frameworks', () => {
    expect(paths.filter((p) => /^rubrics\/provider\/[^/]+\.yaml$/.test(p)).length).toBe(34);
    expect(paths.filter((p) => /^rubrics\/local-authority\/[^/]+\.yaml$/.test(p)).length).toBe(9);
  });

  it('ships nothing else: no sources, tests, fixtures, scripts or bench data', () => {
    const allowed = /^(?:bin|dist|rubrics|schemas)\/|^(?:package\.json|README\.md|LICENSE)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    expect(
      paths.filter((p) =>
        /(?:^|\/)(?:test|tests|fixtures|bench-data|node_modules)\/|\.test\.|^src\/|^scripts\//.test(
          p,
        ),
      ),
    ).toEqual([]);
  });

  it('ships the file its bin names, and is named for the README', () => {
    for (const target of Object.values(pkg.bin))
      expect(paths).toContain(target.replace(/^\.\//, ''));
    expect(packed.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    expect(readFileSync('README.md', 'utf8')).toContain(
      `npm install --global ./${packed.filename}`,
    );
  });

  it('says where the project lives', () => {
    expect(pkg.repository).toEqual({
      type: 'git',
      url: expect.stringMatching(/^git\+https:\/\/.+\.git$/),
    });
    const home = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(pkg.homepage).toBe(`${home}#readme`);
    expect(pkg.bugs.url).toBe(`${home}/issues`);
  });
});
