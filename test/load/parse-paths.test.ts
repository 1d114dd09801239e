// parseEvidenceFile gives the same result whether the block reader or js-yaml
// reads a file: the same documents, diagnostics, item positions and key
// positions (the block reader hands over item positions and a depth it has
// already checked, so this proves they are the ones found otherwise).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvidenceFile } from '../../src/load/parse.js';
import type { ParsedFile } from '../../src/load/parse.js';
import { generateFile, INVALID_EVERY } from '../../scripts/bench/generate.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Everything a later step reads from a parsed file. */
function observe(parsed: ParsedFile): unknown {
  const positions = parsed.docs.map((doc, d) => {
    const evidence = (doc as { evidence?: unknown } | null)?.evidence;
    const items = Array.isArray(evidence) ? (evidence as unknown[]) : [];
    return items.map((_item, i) => ({
      item: parsed.itemPosition(d, i),
      keys: ['id', 'title', 'date', 'missing'].map((key) => [
        parsed.locator.locate(d, ['evidence', i, key]),
        parsed.locator.locate(d, ['evidence', i, key], true),
      ]),
    }));
  });
  return {
    docs: parsed.docs,
    diagnostics: parsed.diagnostics,
    parser: parsed.parser,
    positions,
    statement: parsed.docs.map((_doc, d) => parsed.locator.locate(d, ['statement'])),
  };
}

const generated = [0, 1, 2, 3, 17, INVALID_EVERY - 1, 2 * INVALID_EVERY - 1, 3 * INVALID_EVERY - 1];

describe('parseEvidenceFile with and without the block reader', () => {
  it.each([
    ...['fixtures', 'test/golden', 'test/fuzz/corpus'].flatMap(yamlFiles).map((file) => ({
      name: file,
      bytes: readFileSync(file),
    })),
    ...generated.map((index) => {
      const { path, text } = generateFile(20250630, index);
      return { name: `generated ${path}`, bytes: Buffer.from(text) };
    }),
    {
      name: 'several documents, items as indented as their key',
      bytes: Buffer.from(
        'statement: a\nevidence:\n- id: x\n  title: t\n---\nevidence:\n  -   id: y\n',
      ),
    },
  ])('$name', ({ name, bytes }) => {
    const withBlockReader = parseEvidenceFile(name, bytes);
    const withJsYaml = parseEvidenceFile(name, bytes, { blockReader: false });
    expect(observe(withBlockReader)).toStrictEqual(observe(withJsYaml));
  });
});
