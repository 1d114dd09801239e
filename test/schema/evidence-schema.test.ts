// The evidence schema lists every statement name for editors to complete and
// check, written from the catalogues (npm run evidence-schema): it accepts
// exactly the names cqc-score accepts (any case and punctuation), and a name
// it refuses is reported by cqc-score once, as unknown-statement.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import {
  statementNamePattern,
  statementNames,
  withStatementNames,
} from '../../src/frameworks/statement-schema.js';
import { catastrophicBacktracking } from '../../src/score/regex-safety.js';
import { schemas, validator } from '../../src/schema/ajv.js';
import { translateAjvErrors } from '../../src/schema/ajv-errors.js';
import { LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const text = readFileSync('schemas/evidence.schema.json', 'utf8');
const file = JSON.parse(text) as {
  properties: { statement: { anyOf: [unknown, { enum: string[] }] } };
};
const names = file.properties.statement.anyOf[1].enum;

const item = (statement: unknown): object => ({
  evidence: [{ title: 'A', category: 'processes', summary: 'B', statement }],
});

describe('statement names in the evidence schema', () => {
  it('are up to date with rubrics/frameworks (run npm run evidence-schema)', () => {
    const fresh = withStatementNames(JSON.parse(text) as object);
    expect(JSON.parse(text)).toEqual(fresh);
  });

  it.each(['local-authority', 'provider'] as const)(
    'include every id, title and alias of the %s framework',
    (framework) => {
      for (const s of loadFramework(framework).statements)
        for (const name of [s.id, s.title, ...s.aliases]) expect(names).toContain(name);
    },
  );

  it('are offered to editors wherever a statement is named', async () => {
    interface Named {
      anyOf: [{ type: string }, { enum: string[] }];
    }
    const printed = (await runCli(['schema'])).stdout;
    const schema = JSON.parse(printed) as {
      properties: { statement: Named };
      definitions: { item: { properties: { statement: Named; statements: { items: Named } } } };
    };
    const item = schema.definitions.item.properties;
    for (const named of [schema.properties.statement, item.statement, item.statements.items]) {
      expect(named.anyOf[0].type).toBe('string');
      expect(named.anyOf[1].enum).toEqual(names);
    }
    expect(names).toContain('Safe systems, pathways and transitions');
  });

  it.each([
    'safeguarding',
    'SAFEGUARDING',
    'Safe systems, pathways & transitions!',
    'assessing peoples needs',
    '  Assessing people’s needs ',
  ])('accept %j, as cqc-score does', (name) => {
    const validate = validator('evidence');
    expect(validate(item(name))).toBe(true);
    expect(
      validate({
        statement: name,
        evidence: [{ title: 'A', category: 'processes', summary: 'B', statements: [name] }],
      }),
    ).toBe(true);
  });

  it.each(['safegaurding', 'safe guarding', 'assessing needs x', 'a name no framework has'])(
    'refuse %j, for editors, yet leave it to unknown-statement in cqc-score',
    (name) => {
      const validate = validator('evidence');
      for (const value of [
        { statement: name, evidence: [{ title: 'A', category: 'processes', summary: 'B' }] },
        item(name),
        { evidence: [{ title: 'A', category: 'processes', summary: 'B', statements: [name] }] },
      ]) {
        expect(validate(value)).toBe(false);
        expect(validate.errors?.map((e) => e.keyword)).toContain('pattern');
        expect(translateAjvErrors(validate.errors ?? [], value, schemas.evidence)).toEqual([]);
      }
    },
  );

  it('a misspelt name is one diagnostic in a run, unknown-statement', async () => {
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml':
        'statement: safegaurding\nevidence:\n  - title: A\n    category: processes\n    summary: B\n    date: 2024-07-01\n    statements: [assessing-needs, "Asessing needs"]\n',
    });
    try {
      const run = await runCli(['validate', repo.dir, '--format', 'json']);
      const found = (JSON.parse(run.stdout) as { diagnostics: { code: string; line: number }[] })
        .diagnostics;
      expect(found.map((d) => `${d.line} ${d.code}`)).toEqual([
        '1 unknown-statement',
        '7 unknown-statement',
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    ['', 'schema/empty', '"statement" must not be empty'],
    [42, 'schema/type', '"statement" must be text, not a number'],
  ])('refuse %j with one diagnostic', (name, code, message) => {
    const validate = validator('evidence');
    const value = item(name);
    expect(validate(value)).toBe(false);
    expect(translateAjvErrors(validate.errors ?? [], value, schemas.evidence)).toEqual([
      { code, path: ['evidence', 0, 'statement'], message },
    ]);
  });

  it('the pattern is safe from catastrophic backtracking', () => {
    expect(catastrophicBacktracking(statementNamePattern())).toBeUndefined();
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the statement-name pattern against the catalogue', () => {
  const pattern = new RegExp(statementNamePattern(), 'u');
  const la = loadFramework('local-authority');
  const provider = loadFramework('provider');
  const known = (name: string): boolean =>
    la.resolve(name) !== undefined || provider.resolve(name) !== undefined;
  const next = random(20240830);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const SEPARATORS = [' ', '-', '  ', ', ', ' & ', ' / ', '–', '_', ' é ', "' "];
  const EDGES = ['', '', ' ', '!', '"', '(', '…', "'"];
  const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

  /** A name in another case and punctuation: still the same statement to cqc-score. */
  function respelt(name: string): string {
    let out = pick(EDGES);
    for (const c of name) {
      if (/[^A-Za-z0-9'’]/.test(c)) out += pick(SEPARATORS);
      else out += (next() < 0.5 ? c.toUpperCase() : c.toLowerCase()) + (next() < 0.05 ? "'" : '');
    }
    return out + pick(EDGES);
  }

  /** One letter deleted, added or changed, or two words run together: usually no statement. */
  function misspelt(name: string): string {
    const at = Math.floor(next() * name.length);
    switch (pick(['delete', 'insert', 'change', 'join'] as const)) {
      case 'delete':
        return name.slice(0, at) + name.slice(at + 1);
      case 'insert':
        return name.slice(0, at) + pick([...LETTERS]) + name.slice(at);
      case 'change':
        return name.slice(0, at) + pick([...LETTERS]) + name.slice(at + 1);
      case 'join':
        return name.replace(/[\s-]+/, "'");
    }
  }

  it('accepts a text exactly when cqc-score resolves it to a statement', () => {
    const names = statementNames();
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const base = pick(names);
      const text = i % 2 === 0 ? respelt(base) : respelt(misspelt(base));
      const resolves = known(text);
      expect([text, pattern.test(text)]).toEqual([text, resolves]);
      if (resolves) accepted++;
      else refused++;
    }
    // Both sides were tried in earnest.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
