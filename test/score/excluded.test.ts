// Evidence is never silently dropped: an item left out of scoring because of
// an error is counted and named wherever the score is shown, and the overall
// result is provisional, so one typo cannot quietly raise the rating.
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/catalogue.js';
import { run } from '../../src/run/index.js';
import type { ScoreResult } from '../../src/model/index.js';
import { LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const STATEMENTS = loadFramework('local-authority').statements.map((s) => s.id);

const strength = (statement: string): string =>
  `statement: ${statement}\nevidence:\n  - title: An item\n    category: processes\n    summary: Something was done.\n    date: 2024-07-01\n    source: Records\n    judgement: strength\n`;

/** Two shortfalls for safeguarding, at lines 9 and 14, each with `summary` as written. */
const shortfalls = (summary: string): string =>
  `  - title: Waits for enquiries\n    category: processes\n    ${summary}: Enquiries waited too long.\n    date: 2024-07-01\n    judgement: shortfall\n` +
  `  - title: Audit actions\n    category: processes\n    ${summary}: Audit actions were not followed up.\n    date: 2024-07-01\n    judgement: shortfall\n`;

/** Every statement assessed; safeguarding also has two shortfalls, with `summary` spelt as given. */
function repoWith(summary: string): Record<string, string> {
  const files: Record<string, string> = { 'cqc-score.yaml': LA_CONFIG };
  for (const id of STATEMENTS) files[`${id}.yaml`] = strength(id);
  files['safeguarding.yaml'] += shortfalls(summary);
  return files;
}

async function scored(
  files: Record<string, string>,
): Promise<{ result: ScoreResult; table: string; markdown: string; json: ScoreResult }> {
  const repo = tempRepo(files);
  try {
    const result = run(repo.dir);
    const table = (await runCli([repo.dir, '--no-color'])).stdout;
    const markdown = (await runCli([repo.dir, '--format', 'markdown'])).stdout;
    const json = JSON.parse((await runCli([repo.dir, '--format', 'json'])).stdout) as ScoreResult;
    return { result, table, markdown, json };
  } finally {
    repo.cleanup();
  }
}

describe('items left out because of errors', () => {
  it('are counted and named per statement, and make the overall result provisional', async () => {
    const typo = await scored(repoWith('sumary'));
    const fixed = await scored(repoWith('summary'));
    const safeguarding = (r: ScoreResult) => r.statements.find((s) => s.id === 'safeguarding');

    // The typo would otherwise raise safeguarding's score, and with it the rating.
    expect(safeguarding(typo.result)?.score).toBeGreaterThan(
      safeguarding(fixed.result)?.score ?? 0,
    );

    expect(safeguarding(typo.json)?.excludedItems).toBe(2);
    expect(typo.json.excludedItems).toBe(2);
    expect(typo.json.provisional).toBe(true);
    expect(safeguarding(fixed.json)?.excludedItems).toBe(0);
    expect(fixed.json.provisional).toBe(false);

    // Files are named relative to the working directory, here a temporary folder's path.
    const named =
      /2 items left out because of errors \(\S*safeguarding\.yaml:9, \S*safeguarding\.yaml:14\)/;
    expect(safeguarding(typo.result)?.gaps.map((g) => g.message)).toContainEqual(
      expect.stringMatching(named),
    );
    expect(typo.table.replace(/\s*│\s*/g, ' ')).toContain('2 items left out because of');
    // Under the Overall line, wrapped to the width: one paragraph up to the blank line.
    const provisional = /^Provisional: [^\n]*(\n\S[^\n]*)*/m.exec(typo.table)?.[0] ?? '';
    expect(provisional.replace(/\s*\n\s*/g, ' ')).toMatch(
      new RegExp(`^Provisional: ${named.source}`),
    );
    expect(typo.markdown).toContain('**Provisional overall rating:');
    expect(typo.markdown).toContain('**2 items left out because of errors, so not in any score.**');

    expect(fixed.table).not.toMatch(/Provisional|left out/);
    expect(fixed.markdown).toContain('**Suggested overall rating:');
    expect(fixed.markdown).not.toContain('left out');
  });

  it('say "evidence in error", not "no evidence", for a statement whose only evidence is in error', async () => {
    const files = repoWith('summary');
    files['safeguarding.yaml'] = strength('safeguarding').replace('judgement', 'judgment');
    const { result, table } = await scored(files);
    const safeguarding = result.statements.find((s) => s.id === 'safeguarding');
    expect(safeguarding?.score).toBeNull();
    expect(safeguarding?.excludedItems).toBe(1);
    expect(safeguarding?.gaps[0]?.message).toMatch(
      /^Evidence in error: its only 1 item was left out/,
    );
    expect(table).toMatch(/│ Safeguarding +│/);
    expect(table).not.toMatch(/No evidence, not assessed \(\d+\): [^│]*Safeguarding/);
    expect(result.provisional).toBe(true);
  });

  it('say so under the table too, where a narrow terminal has no room for the gaps column', async () => {
    const files = repoWith('summary');
    files['safeguarding.yaml'] = strength('safeguarding').replace('judgement', 'judgment');
    const repo = tempRepo(files);
    try {
      for (const columns of ['40', '60', '80', '120']) {
        const { stdout } = await runCli([repo.dir, '--no-color'], { COLUMNS: columns });
        const below = stdout.slice(stdout.indexOf('Overall:')).replace(/\s*\n\s*/g, ' ');
        expect(below, columns).toMatch(
          /Safeguarding: not assessed, evidence in error \(1 item left out because of errors: \S*safeguarding\.yaml:3\)/,
        );
      }
    } finally {
      repo.cleanup();
    }
  });
});

/**
 * Errors outside any one item: in the file's YAML, its encoding, its size or
 * its document. Each case rewrites safeguarding.yaml (three items: a strength
 * and two shortfalls) and gives the items that must be counted as left out,
 * on safeguarding and overall. Without the count, the shortfalls vanish and
 * the rating rises without a word.
 */
interface FileErrorCase {
  name: string;
  file: (text: string) => string | Buffer;
  config?: string;
  safeguarding: number;
  overall: number;
  /** The lines the items left out are shown at, when the case is about them. */
  lines?: number[];
}

const SAFEGUARDING = strength('safeguarding') + shortfalls('summary');

const FILE_ERRORS: FileErrorCase[] = [
  {
    name: 'a YAML syntax error in one item: the whole file',
    file: (t) => t.replace('title: Audit actions', 'title: Audit: actions'),
    safeguarding: 3,
    overall: 3,
  },
  {
    name: 'a line indented one space short: each item still counts once, at its own line',
    file: (t) => t.replace('    summary: Enquiries waited', '   summary: Enquiries waited'),
    safeguarding: 3,
    overall: 3,
    lines: [3, 9, 14],
  },
  {
    name: 'a YAML error, with yaml/* turned off in the configuration',
    file: (t) => t.replace('title: Audit actions', 'title: Audit: actions'),
    config: `${LA_CONFIG}rules:\n  yaml/*: off\n`,
    safeguarding: 3,
    overall: 3,
  },
  {
    name: 'a syntax error in the second document: both documents',
    file: (t) =>
      `${t}---\nstatement: safeguarding\nevidence:\n  - title: Late: again\n    category: processes\n    summary: x\n`,
    safeguarding: 4,
    overall: 4,
  },
  {
    name: 'an unknown key at the top of the document',
    file: (t) => `owner: Jo\n${t}`,
    safeguarding: 3,
    overall: 3,
  },
  {
    name: 'a misspelt framework',
    file: (t) => `framework: local-authorty\n${t}`,
    safeguarding: 3,
    overall: 3,
  },
  {
    name: 'a document statement that is not text: counted, but on no statement',
    file: (t) => t.replace('statement: safeguarding', 'statement: 7'),
    safeguarding: 0,
    overall: 3,
  },
  {
    name: 'an item naming its statement as one name under "statements:"',
    file: () =>
      'evidence:\n  - title: Waits\n    category: processes\n    summary: Enquiries waited too long.\n    date: 2024-07-01\n    statements: safeguarding\n    judgement: shortfall\n',
    safeguarding: 1,
    overall: 1,
  },
  {
    name: 'a document naming its statement in a list',
    file: (t) => t.replace('statement: safeguarding', 'statement: [safeguarding]'),
    safeguarding: 3,
    overall: 3,
  },
  {
    name: 'evidence written as a mapping: the document counts once',
    file: () =>
      'statement: safeguarding\nevidence:\n  title: Waits\n  category: processes\n  summary: x\n',
    safeguarding: 1,
    overall: 1,
  },
  {
    name: 'items written without "evidence:": each one',
    file: (t) => t.replace('statement: safeguarding\nevidence:\n', '').replace(/^ {2}/gm, ''),
    safeguarding: 0,
    overall: 3,
  },
  {
    name: 'UTF-16 text: the file counts once',
    file: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
    safeguarding: 0,
    overall: 1,
  },
  {
    name: 'a file over the size limit: the file counts once',
    file: (t) => t,
    config: `${LA_CONFIG}max-file-bytes: 300\n`,
    safeguarding: 0,
    overall: 1,
  },
  {
    name: 'a broken document of another framework: not scored, so not counted',
    file: (t) => `framework: provider\nowner: Jo\n${t}`,
    safeguarding: 0,
    overall: 0,
  },
];

describe('errors outside any one item', () => {
  it.each(FILE_ERRORS)('$name', ({ file, config, safeguarding, overall, lines }) => {
    const files: Record<string, string | Buffer> = repoWith('summary');
    files['safeguarding.yaml'] = file(SAFEGUARDING);
    if (config) files['cqc-score.yaml'] = config;
    const repo = tempRepo(files);
    try {
      const result = run(repo.dir);
      const statement = result.statements.find((s) => s.id === 'safeguarding');
      expect(statement?.excludedItems).toBe(safeguarding);
      expect(result.excludedItems).toBe(overall);
      if (overall > 0) expect(result.provisional).toBe(true);
      if (lines) expect(result.excluded?.map((ref) => ref.line)).toEqual(lines);
      // The two shortfalls never count while their file is in error.
      expect(statement?.findings.some((f) => f.effect === 'shortfall')).toBe(false);
    } finally {
      repo.cleanup();
    }
  });
});
