// The commonest hand-written YAML mistakes are named in plain words, once,
// at the line that is wrong, with what to write instead.
import { describe, expect, it } from 'vitest';
import { parseEvidenceFile } from '../../src/load/parse.js';

const HEAD = 'statement: safeguarding\nevidence:\n';
const parse = (body: string) =>
  parseEvidenceFile('f.yaml', Buffer.from(HEAD + body, 'utf8')).diagnostics;

describe('common YAML mistakes', () => {
  it.each([
    [
      'a colon inside an unquoted title',
      '  - title: Audit result: mostly good\n    category: processes\n',
      'yaml/colon-in-value',
      3,
      24,
      'put the text in double quotes: title: "Audit result: mostly good"',
    ],
    [
      'a colon inside a value further down an item',
      '  - title: Audit\n    category: processes\n    source: Staff: managers and leads\n',
      'yaml/colon-in-value',
      5,
      18,
      'source: "Staff: managers and leads"',
    ],
    [
      'an apostrophe inside single quotes',
      "  - title: 'The council's audit'\n    category: processes\n",
      'yaml/apostrophe',
      3,
      24,
      "write it twice ('') or use double quotes",
    ],
    [
      'a key indented too far (the wrong line, not the one above)',
      '  - title: Audit\n    category: processes\n      summary: too far in\n',
      'yaml/indentation',
      5,
      7,
      'indented 6 spaces, but "category" above is at 4; line "summary" up with "category"',
    ],
    [
      'a key not indented far enough',
      '  - title: Audit\n    category: processes\n   summary: one short\n',
      'yaml/indentation',
      5,
      4,
      'indented 3 spaces, but "category" above is at 4',
    ],
    [
      'a list entry indented one space too far (its dash, not its keys, lines up)',
      '  - title: Audit\n    category: processes\n    summary: ok\n   - title: B\n    category: processes\n',
      'yaml/indentation',
      6,
      4,
      'this list entry is indented 3 spaces, but the "- " of the entry on line 3 is at 2; line this "- " up with that one',
    ],
    [
      'a list entry indented one space short',
      '  - title: Audit\n    category: processes\n - title: B\n    category: processes\n',
      'yaml/indentation',
      5,
      2,
      'the "- " of the entry on line 3 is at 2; line this "- " up with that one',
    ],
    [
      'a list entry after a nested list lines up with its own list, not the nested one',
      '  - title: Audit\n    tags:\n      - a\n    category: processes\n   - title: B\n',
      'yaml/indentation',
      7,
      4,
      'the "- " of the entry on line 3 is at 2',
    ],
    [
      "a line of folded text indented less than the text's first line",
      '  - title: Audit\n    category: processes\n    summary: >-\n      line one\n     line two\n    date: 2024-08-01\n',
      'yaml/indentation',
      7,
      6,
      'the text of "summary" starts on line 6 indented 6; if this line is part of that text, indent it 6 spaces like line 6',
    ],
    [
      'a line of literal text that looks like a key, indented short of the text',
      '  - title: Audit\n    summary: |\n      line one\n\n      note: two\n     note: three\n',
      'yaml/indentation',
      8,
      6,
      'the text of "summary" starts on line 5 indented 6; if this line is part of that text, indent it 6 spaces like line 5',
    ],
    [
      'a line that is not a key, under a key it cannot line up with',
      '  - title: Audit\n    category: processes\n    summary: some text\n   continued\n',
      'yaml/indentation',
      6,
      4,
      'it is not a "key: value" line: if it goes on from the text above, indent it like that text',
    ],
    [
      'a second item without its dash',
      '  - title: A\n    category: processes\n    title: B\n    category: outcomes\n',
      'yaml/missing-dash',
      5,
      5,
      'write "- title:" lined up with the "- " above',
    ],
    [
      'an item at the level of the dashes without one',
      '  - title: A\n    category: processes\n  title: B\n  category: outcomes\n',
      'yaml/missing-dash',
      5,
      3,
      'has no "- " before it; write "- title:"',
    ],
    [
      'a list value without its dash',
      '  - title: A\n    tags:\n      - one\n      two\n',
      'yaml/missing-dash',
      6,
      7,
      'write "- two"',
    ],
    [
      'a key written twice in a row stays a duplicate key',
      '  - title: A\n    title: B\n',
      'yaml/duplicate-key',
      4,
      5,
      'keep only one',
    ],
  ])('%s', (_name, body, code, line, column, words) => {
    const found = parse(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, line, column });
    expect(found[0]?.message).toContain(words);
  });

  it('leaves quoted and folded text with colons alone', () => {
    expect(
      parse(
        "  - title: \"Audit: good\"\n    category: processes\n    summary: >-\n      Result: fine.\n    source: 'It''s ours'\n",
      ),
    ).toEqual([]);
  });
});
