/**
 * The wire format between threads: how a worker hands a batch's result to the
 * main thread, and how the main thread reads it back into the same objects a
 * batch done on the main thread gives.
 */
import type { Diagnostic, EvidenceItem, JudgementBasis, Rule } from './model/index.js';
import type { ChunkResult } from './chunk.js';
import type { Verdict } from './score/judge.js';
import type { RuleSet } from './score/rubrics.js';
import { Interner } from './intern.js';
import { NO_METRICS, NO_TAGS } from './validate/evidence.js';

/**
 * What crosses from a worker, kept small because copying it is the cost of
 * threading: file names once, items and verdicts as arrays of values rather
 * than objects with named keys, nothing only judging reads (see release in
 * chunk.ts), and of each verdict only the fired rules a finding can come from,
 * naming rules by their place in the statement's rule set.
 */
interface WireChunk {
  framework: EvidenceItem['framework'];
  files: string[];
  items: WireItem[];
  diagnostics: WireDiagnostic[];
  ids: WireId[];
  /** Per item, per statement. */
  verdicts: WireVerdict[][];
}

/** [file index, line, column, title, category, statements, stale, date, source, judgement, status, age in months]. */
type WireItem = [
  number,
  number,
  number,
  string,
  EvidenceItem['category'],
  string[],
  boolean,
  string | null,
  string | null,
  EvidenceItem['judgement'] | null,
  EvidenceItem['status'] | null,
  number | null,
];

/** A diagnostic with its file as an index into `files`; its keys stay in their order. */
type WireDiagnostic = Omit<Diagnostic, 'file'> & { file: number };

/** [id, item, item line, file index, id line, id column]. */
type WireId = [string, number, number, number, number, number];

/** [basis: [judgement, how, rule, words, rule, words, ...] or null, total, fired: [rule index, weight, words, contribution][]]. */
type WireVerdict = [(string | null)[] | null, number, [number, number, string[], number][]];

export function toWire(chunk: ChunkResult, rules: RuleSet): string {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const ruleIndex = new Map<readonly Rule[], Map<string, number>>();
  const indexOf = (list: readonly Rule[], id: string): number => {
    let map = ruleIndex.get(list);
    if (!map) ruleIndex.set(list, (map = new Map(list.map((rule, i) => [rule.id, i]))));
    return map.get(id) as number;
  };
  const fileOf = (file: string): number => {
    let f = fileIndex.get(file);
    if (f === undefined) {
      f = files.length;
      files.push(file);
      fileIndex.set(file, f);
    }
    return f;
  };
  const wire: WireChunk = {
    // Every item kept is of the run's framework; a batch without items needs none.
    framework: chunk.items[0]?.framework ?? 'local-authority',
    files,
    items: chunk.items.map((item): WireItem => {
      const { ref } = item;
      return [
        fileOf(ref.file),
        ref.line,
        ref.column,
        item.title,
        item.category,
        item.statements,
        item.stale,
        item.date ?? null,
        item.source ?? null,
        item.judgement ?? null,
        item.status ?? null,
        item.ageMonths ?? null,
      ];
    }),
    diagnostics: chunk.diagnostics.map((d) => ({ ...d, file: fileOf(d.file) })),
    ids: chunk.ids.map((use): WireId => [
      use.id,
      use.item,
      use.line,
      fileOf(use.at.file),
      use.at.line,
      use.at.column,
    ]),
    verdicts: chunk.verdicts.map((perItem, i) =>
      perItem.map((verdict, s): WireVerdict => {
        const list = rules.forStatement(chunk.items[i]!.statements[s]!);
        const { basis } = verdict;
        return [
          basis && [basis.judgement, basis.how, ...basis.rules.flatMap((r) => [r.rule, r.words])],
          verdict.total,
          verdict.fired.map((f): [number, number, string[], number] => [
            indexOf(list, f.rule.id),
            f.outcome.weight,
            f.outcome.words,
            f.contribution,
          ]),
        ];
      }),
    ),
  };
  return JSON.stringify(wire);
}

export function fromWire(
  text: string,
  rules: RuleSet,
  interner: Interner = new Interner(),
): ChunkResult {
  const wire = JSON.parse(text) as WireChunk;
  const items = wire.items.map((w): EvidenceItem => {
    const item: EvidenceItem = {
      ref: { file: wire.files[w[0]]!, line: w[1], column: w[2] },
      key: '',
      framework: wire.framework,
      statements: interner.list(w[5]),
      title: w[3],
      category: w[4],
      // Only judging reads these, so they never cross the wire.
      summary: '',
      tags: NO_TAGS,
      metrics: NO_METRICS,
      stale: w[6],
    };
    // Optional keys only when present, in the order the validator sets them.
    if (w[7] !== null) item.date = w[7];
    if (w[8] !== null) item.source = w[8];
    if (w[9] !== null) item.judgement = w[9];
    if (w[10] !== null) item.status = w[10];
    if (w[11] !== null) item.ageMonths = w[11];
    return item;
  });
  return {
    items,
    diagnostics: wire.diagnostics.map((d) => {
      // Assigned in place, so the keys keep the order they were made in.
      (d as unknown as Diagnostic).file = wire.files[d.file]!;
      return d as unknown as Diagnostic;
    }),
    ids: wire.ids.map(([id, item, line, file, atLine, column]) => ({
      id,
      item,
      line,
      at: { file: wire.files[file]!, line: atLine, column },
    })),
    verdicts: wire.verdicts.map((perItem, i) => {
      const item = items[i]!;
      return perItem.map(([basis, total, fired], s): Verdict => {
        const list = rules.forStatement(item.statements[s]!);
        const decided: JudgementBasis['rules'] = [];
        if (basis) {
          for (let r = 2; r < basis.length; r += 2)
            decided.push({ rule: basis[r] as string, words: basis[r + 1] as string });
        }
        return {
          item,
          basis: basis
            ? interner.basis({
                judgement: basis[0] as JudgementBasis['judgement'],
                how: basis[1] as JudgementBasis['how'],
                rules: decided,
              })
            : null,
          total,
          fired: fired.map(([r, weight, words, contribution]) =>
            interner.fired(list[r]!, weight, words, contribution),
          ),
        };
      });
    }),
  };
}
