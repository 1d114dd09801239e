// The build stores each shipped rubric already parsed and validated; a run
// takes it from there only while the file's text is what was built.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataFile } from '../../src/schema/data-file.js';
import { packagePath, packageRequire } from '../../src/base/paths.js';

const RUBRIC = packagePath('rubrics', 'local-authority', 'safeguarding.yaml');

describe('prebuilt rubrics', () => {
  it('are built, one file per shipped rubric (npm test builds first)', () => {
    const built = packageRequire('./dist/data/rubrics/local-authority/safeguarding.yaml.json') as {
      text: string;
    };
    expect(built.text).toBe(readFileSync(RUBRIC, 'utf8'));
  });

  it('stand in for a shipped rubric whose text is unchanged', () => {
    const built = packageRequire('./dist/data/rubrics/local-authority/safeguarding.yaml.json') as {
      value: unknown;
    };
    expect(loadDataFile(RUBRIC, 'rubric', 'rubric').value).toBe(built.value);
  });

  it('are not used for the same file elsewhere, which is read and checked itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqc-prebuilt-'));
    try {
      const copy = join(dir, 'safeguarding.yaml');
      cpSync(RUBRIC, copy);
      const loaded = loadDataFile(copy, 'rubric', 'rubric');
      expect(loaded.value).toEqual(loadDataFile(RUBRIC, 'rubric', 'rubric').value);
      expect(loaded.value).not.toBe(loadDataFile(RUBRIC, 'rubric', 'rubric').value);
      writeFileSync(copy, 'rules: 3\n');
      expect(() => loadDataFile(copy, 'rubric', 'rubric')).toThrow(/is not valid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
