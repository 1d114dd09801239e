import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Rubric } from '../../src/model/index.js';
import { failureLine, testRule } from '../../src/score/rule-test.js';

const ROOT = join(import.meta.dirname, '../../rubrics');

function rubricFiles(): string[] {
  const files = ['cues.yaml'];
  for (const framework of ['local-authority', 'provider'])
    for (const name of readdirSync(join(ROOT, framework)).sort())
      if (name.endsWith('.yaml')) files.push(`${framework}/${name}`);
  return files;
}

// Each shipped rule carries sentences it must fire on and sentences on which it
// must stay quiet; this runs them all, one test per rubric file.
describe.each(rubricFiles())('%s', (file) => {
  const rubric = parse(readFileSync(join(ROOT, file), 'utf8')) as Rubric;
  it.each(rubric.rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    expect(testRule(rule).map(failureLine)).toEqual([]);
  });
});
