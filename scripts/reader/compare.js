#!/usr/bin/env node
// npm run compare-readers: measures the text reader the rules use against two
// English text libraries (compromise, and wink-nlp with its lite English
// model) on sentences of our own: where sentences end, and whether a word is
// negated. Then times each on the item text of a calibration folder, if given.
//   node scripts/reader/compare.js [CALIBRATION_DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isIrrealis, isNegated, prepareText, sentenceCount } from '../../dist/score/text.js';

const cases = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));
const wink = winkNLP(model);
const its = wink.its;

/** Each reader: how many sentences a text has, and whether `word` is negated in `sentence`. */
const readers = {
  'cqc-score reader': {
    sentences: (text) => sentenceCount(text),
    negated(sentence, word) {
      const prepared = prepareText(sentence);
      const index = prepared.words.findIndex((w) => w.text === word);
      // What the rules go by: negated, or only feared or hoped for ("the risk of").
      return index >= 0 && (isNegated(prepared, index) || isIrrealis(prepared, index));
    },
    read: (text) => prepareText(text),
  },
  compromise: {
    sentences: (text) => nlp(text).sentences().length,
    negated(sentence, word) {
      // compromise marks negation per clause: the clause holding the word.
      const clause = nlp(sentence)
        .clauses()
        .filter((c) => c.has(word));
      return clause.found && clause.has('#Negative');
    },
    read: (text) => nlp(text).clauses().json(),
  },
  'wink-nlp (lite English model)': {
    sentences: (text) => wink.readDoc(text).sentences().length(),
    negated(sentence, word) {
      const tokens = wink.readDoc(sentence).tokens();
      let found = false;
      tokens.each((t) => {
        if (t.out(its.normal) === word && t.out(its.negationFlag)) found = true;
      });
      return found;
    },
    read: (text) => wink.readDoc(text).tokens().out(its.negationFlag),
  },
};

function itemTexts(dir) {
  const texts = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, name.name);
      if (name.isDirectory()) walk(path);
      else if (
        /\.ya?ml$/.test(name.name) &&
        name.name !== 'cqc-score.yaml' &&
        name.name !== 'expected.yaml'
      ) {
        const doc = parse(readFileSync(path, 'utf8'));
        for (const item of doc?.evidence ?? []) texts.push(`${item.title}. ${item.summary}`);
      }
    }
  };
  walk(dir);
  return texts;
}

const calibration = process.argv[2];
const texts = calibration ? itemTexts(join(calibration, 'text-only')) : [];
const rows = [];
for (const [name, reader] of Object.entries(readers)) {
  const sentencesRight = cases.sentences.filter(([text, n]) => reader.sentences(text) === n).length;
  const negationRight = cases.negation.filter(([s, w, neg]) => reader.negated(s, w) === neg).length;
  // Cases written after the reader was last changed, and never used to change it.
  const heldSentences = cases.heldOutSentences.filter(([t, n]) => reader.sentences(t) === n).length;
  const heldNegation = cases.heldOutNegation.filter(
    ([s, w, neg]) => reader.negated(s, w) === neg,
  ).length;
  let ms = NaN;
  if (texts.length > 0) {
    for (const t of texts) reader.read(t); // warm up
    const start = performance.now();
    for (let r = 0; r < 5; r++) for (const t of texts) reader.read(t);
    ms = (performance.now() - start) / 5;
  }
  rows.push({ name, sentencesRight, negationRight, heldSentences, heldNegation, ms });
}
const out = [
  `| reader | sentence ends right (${cases.sentences.length}, then ${cases.heldOutSentences.length} held out) | negation right (${cases.negation.length}, then ${cases.heldOutNegation.length} held out) | time to read ${texts.length} items |`,
  '|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.sentencesRight}, ${r.heldSentences} | ${r.negationRight}, ${r.heldNegation} | ${Number.isNaN(r.ms) ? '-' : `${r.ms.toFixed(1)} ms`} |`,
  ),
];
process.stdout.write(`${out.join('\n')}\n`);
if (process.argv.includes('--misses'))
  for (const [name, reader] of Object.entries(readers)) {
    for (const [s, w, neg] of [...cases.negation, ...cases.heldOutNegation])
      if (reader.negated(s, w) !== neg)
        process.stdout.write(`${name}: negation of "${w}" in "${s}" should be ${neg}\n`);
    for (const [t, n] of [...cases.sentences, ...cases.heldOutSentences])
      if (reader.sentences(t) !== n)
        process.stdout.write(`${name}: "${t}" has ${n} sentences, read ${reader.sentences(t)}\n`);
  }
