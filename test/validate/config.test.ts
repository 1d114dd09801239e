import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/validate/config.js';
import { FatalError } from '../../src/base/errors.js';
import { evidenceYaml, runCli, tempRepo } from '../helpers.js';

describe('configuration', () => {
  it('is found in a parent folder, and flags override it', () => {
    const repo = tempRepo({
      'cqc-score.yaml': 'framework: local-authority\nas-of: 2024-08-30\nstale-after-months: 12\n',
    });
    try {
      mkdirSync(join(repo.dir, 'evidence', 'deep'), { recursive: true });
      const config = resolveConfig(join(repo.dir, 'evidence', 'deep'));
      expect(config).toMatchObject({
        framework: 'local-authority',
        asOf: '2024-08-30',
        staleAfterMonths: 12,
        scoring: 'direct',
        rounding: 'up',
      });
      expect(resolveConfig(repo.dir, { framework: 'provider', asOf: '2025-01-01' })).toMatchObject({
        framework: 'provider',
        asOf: '2025-01-01',
      });
    } finally {
      repo.cleanup();
    }
  });

  it('defaults to the provider framework and today', () => {
    const repo = tempRepo({});
    try {
      const config = resolveConfig(repo.dir, {}, new Date('2026-03-04T10:00:00Z'));
      if (config.configFile === undefined)
        expect(config).toMatchObject({
          framework: 'provider',
          asOf: '2026-03-04',
          staleAfterMonths: 24,
        });
      else expect(config.configFile).toMatch(/cqc-score\.yaml$/);
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    [
      'an unknown key',
      'framwork: provider\n',
      /cqc-score\.yaml:1:1 error schema\/unknown-key {2}"framwork" is not a known key; did you mean "framework"\?/,
    ],
    ['a bad value', 'framework: hospital\n', /cqc-score\.yaml:1:12 error schema\/enum/],
    ['an unreal date', 'as-of: 2024-02-31\n', /"as-of" is not a real date/],
    ['broken YAML', 'framework: [provider\n', /cqc-score\.yaml:\d+:\d+ error yaml\//],
  ])('%s stops the run with exit 2 and points at the line', async (_name, text, pattern) => {
    const repo = tempRepo({ 'cqc-score.yaml': text, 'e.yaml': evidenceYaml() });
    try {
      const result = await runCli([repo.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(pattern);
    } finally {
      repo.cleanup();
    }
  });

  it('throws a FatalError for a bad --as-of', () => {
    expect(() => resolveConfig('.', { asOf: '2024-02-30' })).toThrow(FatalError);
  });
});
