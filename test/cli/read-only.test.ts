// Evidence files are only ever read: a run, with every output option, leaves
// the evidence folder byte-for-byte and time-for-time as it was.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceYaml, LA_CONFIG, runCli, tempRepo } from '../helpers.js';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isFile())
      out[name] = `${stats.mtimeMs} ${stats.size} ${readFileSync(path, 'base64')}`;
  }
  return out;
}

describe('evidence is never written', () => {
  it('leaves every evidence file untouched', async () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml': evidenceYaml(),
      'sub/b.yml': evidenceYaml('safeguarding'),
      'bad.yaml': 'evidence: [\n',
    });
    try {
      const before = snapshot(repo.dir);
      await runCli([repo.dir, '--format', 'json']);
      await runCli(['validate', repo.dir]);
      await runCli(['explain', 'safeguarding', repo.dir]);
      expect(snapshot(repo.dir)).toEqual(before);
    } finally {
      repo.cleanup();
    }
  });

  it('refuses to write a YAML report inside the evidence folder', async () => {
    const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'a.yaml': evidenceYaml() });
    try {
      const before = snapshot(repo.dir);
      const result = await runCli([
        repo.dir,
        '--format',
        'json',
        '--output',
        join(repo.dir, 'a.yaml'),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/inside the evidence folder/);
      expect(snapshot(repo.dir)).toEqual(before);
    } finally {
      repo.cleanup();
    }
  });
});

describe('terminal safety', () => {
  it('no escape sequence or control character from evidence reaches explain, validate or the table', async () => {
    const hostile =
      'statement: safeguarding\nevidence:\n  - title: "\\u001b[31mRed\\u001b[0m \\u001b]0;owned\\u0007 bell"\n    category: processes\n    summary: "Text with \\u001b[2J a clear-screen."\n    date: 2024-07-01\n    judgment: strength\n';
    const repo = tempRepo({ 'cqc-score.yaml': LA_CONFIG, 'h.yaml': hostile });
    try {
      for (const args of [
        ['explain', 'safeguarding', repo.dir],
        ['validate', repo.dir],
        [repo.dir],
      ]) {
        const result = await runCli(args);
        // eslint-disable-next-line no-control-regex
        expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      }
    } finally {
      repo.cleanup();
    }
  });
});

describe('reports are written whole or not at all', () => {
  it('replaces an existing report in one step and leaves no temporary file', async () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml': evidenceYaml(),
      'out/report.md': 'old report\n',
    });
    try {
      const result = await runCli([
        repo.dir,
        '--format',
        'markdown',
        '--output',
        join(repo.dir, 'out', 'report.md'),
      ]);
      expect(result.code).toBe(0);
      expect(readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8')).toMatch(
        /^<!-- markdownlint-configure-file .* -->\n\n# Suggested CQC scores/,
      );
      expect(readdirSync(join(repo.dir, 'out'))).toEqual(['report.md']);
    } finally {
      repo.cleanup();
    }
  });

  it('writes no report when one of several cannot be written', async () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml': evidenceYaml(),
      'out/keep.txt': 'x',
    });
    try {
      const result = await runCli([
        repo.dir,
        '--format',
        'sarif',
        '--output',
        join(repo.dir, 'no-such-folder', 'r.sarif'),
        '--format',
        'json',
        '--output',
        join(repo.dir, 'out', 'r.json'),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot write .*r\.sarif/);
      expect(readdirSync(join(repo.dir, 'out'))).toEqual(['keep.txt']);
    } finally {
      repo.cleanup();
    }
  });
});
