#!/usr/bin/env node
// npm run privacy-corpus: precision and recall of the personal-data guard on the test corpora.
import { readFileSync } from 'node:fs';
import { corpusReport, measureGuard, readCorpus } from '../dist/validate/privacy-corpus.js';

for (const file of ['corpus.yaml', 'corpus-held-out.yaml']) {
  const cases = readCorpus(
    readFileSync(new URL(`../test/privacy/${file}`, import.meta.url), 'utf8'),
  );
  process.stdout.write(`test/privacy/${file}: ${corpusReport(measureGuard(cases))}\n`);
}
