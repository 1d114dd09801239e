#!/usr/bin/env node
// npm run agreement -- CALIBRATION_DIR [--list] [--statement ID]
// How often the judgement inferred from an item's words (text-only form) agrees
// with the reader's judgement of the same item (labelled form), item by item.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/cqc-score.js', import.meta.url));
const args = process.argv.slice(2);
const list = args.includes('--list');
const only = args.includes('--statement') ? args[args.indexOf('--statement') + 1] : undefined;
const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--statement');
if (!root || !existsSync(join(root, 'labelled'))) {
  process.stderr.write('usage: npm run agreement -- CALIBRATION_DIR [--list] [--statement ID]\n');
  process.exit(2);
}

function items(dir) {
  const out = execFileSync(process.execPath, [bin, dir, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const byStatement = new Map();
  for (const s of JSON.parse(out).statements) if (s.items?.length) byStatement.set(s.id, s.items);
  return byStatement;
}

const LABELS = ['significant-shortfall', 'shortfall', 'none', 'strength', 'exceptional'];
const sign = (j) => (j === 'none' ? 0 : j.includes('shortfall') ? -1 : 1);
const confusion = LABELS.map(() => LABELS.map(() => 0));
let total = 0;
let exact = 0;
let sameSign = 0;
let opposite = 0;
const misses = [];
for (const council of readdirSync(join(root, 'labelled')).sort()) {
  const labelled = items(join(root, 'labelled', council, 'evidence'));
  const text = items(join(root, 'text-only', council, 'evidence'));
  for (const [statement, judged] of labelled) {
    if (only && statement !== only) continue;
    const read = text.get(statement) ?? [];
    judged.forEach((item, i) => {
      const want = item.basis?.judgement ?? 'none';
      const got = read[i]?.basis?.judgement ?? 'none';
      total++;
      confusion[LABELS.indexOf(want)][LABELS.indexOf(got)]++;
      if (want === got) exact++;
      if (sign(want) === sign(got)) sameSign++;
      else if (sign(want) * sign(got) < 0) opposite++;
      if (sign(want) !== sign(got))
        misses.push(
          `${council} ${statement} #${i + 1} "${item.title}": reader ${want}, words ${got}` +
            (read[i]?.basis
              ? ` (${read[i].basis.rules.map((r) => `${r.rule}: ${r.words}`).join('; ')})`
              : ''),
        );
    });
  }
}
const pct = (n) => `${((n / total) * 100).toFixed(1)}%`;
process.stdout.write(
  `items: ${total}\n` +
    `same judgement:          ${exact} = ${pct(exact)}\n` +
    `same direction:          ${sameSign} = ${pct(sameSign)} (strength/exceptional, shortfall/significant, none)\n` +
    `opposite direction:      ${opposite} = ${pct(opposite)}\n` +
    `confusion (rows: reader, columns: words; ${LABELS.join(', ')})\n` +
    confusion
      .map(
        (row, i) => `  ${LABELS[i].padEnd(22)} ${row.map((n) => String(n).padStart(4)).join('')}`,
      )
      .join('\n') +
    '\n' +
    (list ? `\n${misses.join('\n')}\n` : ''),
);
