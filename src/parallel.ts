/**
 * Runs the per-file work of a large repository on several threads. The main
 * thread takes the first chunk of files itself while workers take the rest;
 * it then waits for them synchronously, so `run()` stays a plain function.
 * Chunks are contiguous runs of the sorted file list and are merged in order,
 * so the result is the same as on one thread, byte for byte.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { FatalError } from './errors.js';
import { BUNDLED, packagePath } from './paths.js';
import type { Config, EvidenceItem, JudgementBasis, Rule } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { processChunk } from './chunk.js';
import type { ChunkOptions, ChunkResult } from './chunk.js';
import type { Verdict } from './score/judge.js';
import type { RuleSet } from './score/rubrics.js';
import { Interner } from './intern.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;
/** A worker silent this long (no file finished) is taken for dead; one file takes milliseconds. */
const SILENCE_MS = 60_000;
/** The most files handed to a thread at once. */
const MAX_BATCH = 64;

export interface ParallelOptions extends ChunkOptions {
  /** Threads to use, the main one included; default: one per core up to 4, for large repositories. */
  threads?: number;
  /** How long a worker may go without progress before its share is done here instead. */
  silenceMs?: number;
  /** Whether the main thread takes batches while workers run (default true); tests turn it off to make the workers do everything. */
  mainThreadWorks?: boolean;
  rubrics?: string[];
}

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
  diagnostics: ChunkResult['diagnostics'];
  ids: ChunkResult['ids'];
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
  const wire: WireChunk = {
    framework: chunk.items[0]?.framework ?? 'local-authority',
    files,
    items: chunk.items.map((item): WireItem => {
      const { ref } = item;
      let f = fileIndex.get(ref.file);
      if (f === undefined) {
        f = files.length;
        files.push(ref.file);
        fileIndex.set(ref.file, f);
      }
      return [
        f,
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
    diagnostics: chunk.diagnostics,
    ids: chunk.ids,
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

/** Read only by judging, so never filled in on this side of the wire. */
const NO_TAGS: string[] = [];
const NO_METRICS: Record<string, number> = {};

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
    diagnostics: wire.diagnostics,
    ids: wire.ids,
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

interface WorkerMessage {
  batch?: number;
  ok?: string;
  error?: string;
  fatal?: boolean;
}

function workerScript(): string | undefined {
  // From sources (tests), there is no built worker to start.
  if (!import.meta.url.endsWith('.js')) return undefined;
  const path = packagePath('dist', BUNDLED ? 'cqc-score-worker.js' : 'worker.js');
  return existsSync(path) ? path : undefined;
}

function threadsFor(files: number, options: ParallelOptions): number {
  if (options.readFile) return 1;
  if (options.threads !== undefined) return Math.max(1, Math.floor(options.threads));
  return files >= PARALLEL_MIN_FILES ? Math.min(availableParallelism(), 4) : 1;
}

/** Files per batch: small enough to share the work out evenly, large enough to cost little to hand over. */
export function batchSize(files: number, threads: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(files / (threads * 16))));
}

/**
 * The shared memory threads coordinate through. Batches are claimed, each by
 * one thread, with compare-and-swap on their slot; a worker's heartbeat counts
 * the files it has finished.
 */
export interface Board {
  /** Per batch: 0 free, w + 1 claimed by worker w, -1 claimed by the main thread. */
  claims: Int32Array;
  /** [0]: the next batch to try; [1]: results posted so far (the main thread waits on it). */
  counters: Int32Array;
  /** Per worker: files finished so far. */
  beats: Int32Array;
}

export function newBoard(batches: number, workers: number): Board {
  return {
    claims: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, batches))),
    counters: new Int32Array(new SharedArrayBuffer(8)),
    beats: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, workers))),
  };
}

/** Claims the next free batch for `who` (w + 1 for worker w, -1 for the main thread); -1 when none is left. */
export function claimBatch(board: Board, who: number): number {
  for (;;) {
    const batch = Atomics.add(board.counters, 0, 1);
    if (batch >= board.claims.length) return -1;
    if (Atomics.compareExchange(board.claims, batch, 0, who) === 0) return batch;
  }
}

export function runChunks(
  files: readonly FoundFile[],
  config: Config,
  rules: RuleSet,
  options: ParallelOptions = {},
): ChunkResult[] {
  const script = workerScript();
  const threads = script
    ? Math.min(threadsFor(files.length, options), Math.max(1, files.length))
    : 1;
  if (threads <= 1)
    return [processChunk(files, config, rules, { ...options, interner: new Interner() })];

  // Files go out in small contiguous batches, claimed by whichever thread is
  // free; results are kept by batch number and merged in order, so who did
  // which batch never shows in the output.
  const size = batchSize(files.length, threads);
  const batches = Math.ceil(files.length / size);
  const filesOf = (batch: number): readonly FoundFile[] =>
    files.slice(batch * size, (batch + 1) * size);
  const board = newBoard(batches, threads - 1);
  const workers = Array.from({ length: threads - 1 }, (_, w) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script as string, {
      workerData: {
        board,
        me: w,
        port: port2,
        // One string for all the names: a worker starts sooner than with ten thousand objects to copy.
        paths: files.map((file) => file.path).join('\u0000'),
        displays: files.map((file) => file.display).join('\u0000'),
        size,
        config,
        rubrics: options.rubrics ?? [],
        exactOnly: options.exactOnly === true,
      },
      transferList: [port2],
    });
    worker.unref();
    return { worker, port: port1, beat: -1, lastBeat: Date.now(), dead: false };
  });

  const results: (ChunkResult | undefined)[] = new Array<ChunkResult | undefined>(batches);
  const interner = new Interner();
  let done = 0;
  const keep = (batch: number, result: ChunkResult): void => {
    if (results[batch] !== undefined) return;
    results[batch] = result;
    done++;
  };
  const doHere = (batch: number): void =>
    keep(batch, processChunk(filesOf(batch), config, rules, { ...options, interner }));
  const drain = (): void => {
    for (const w of workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const message = m.message as WorkerMessage;
        if (message.ok !== undefined && message.batch !== undefined) {
          if (results[message.batch] === undefined)
            keep(message.batch, fromWire(message.ok, rules, interner));
        } else if (!w.dead) {
          const text = message.error ?? 'a worker thread stopped without a result';
          throw message.fatal ? new FatalError(text) : new Error(text);
        }
      }
    }
  };
  const silenceMs = options.silenceMs ?? SILENCE_MS;
  // Tests of the built CLI use the variable to make the workers do every batch.
  const mainThreadWorks =
    options.mainThreadWorks ?? process.env.CQC_SCORE_TEST_WORKERS_ONLY !== '1';
  try {
    while (done < batches) {
      drain();
      if (done >= batches) break;
      // The main thread works too, unless every batch is taken.
      const mine = !mainThreadWorks && workers.some((w) => !w.dead) ? -1 : claimBatch(board, -1);
      if (mine >= 0) {
        doHere(mine);
        continue;
      }
      const posted = Atomics.load(board.counters, 1);
      Atomics.wait(board.counters, 1, posted, Math.min(200, silenceMs));
      // A worker silent too long is taken for dead (out of memory, say): its
      // events cannot reach this blocked thread, so its heartbeat is the only
      // sign of life. Its unfinished batch is done here.
      const now = Date.now();
      workers.forEach((w, index) => {
        if (w.dead) return;
        const beat = Atomics.load(board.beats, index);
        if (beat !== w.beat) {
          w.beat = beat;
          w.lastBeat = now;
        } else if (now - w.lastBeat > silenceMs) {
          w.dead = true;
          void w.worker.terminate();
        }
      });
      drain();
      for (let batch = 0; batch < batches; batch++) {
        const owner = Atomics.load(board.claims, batch);
        if (results[batch] === undefined && owner > 0 && workers[owner - 1]?.dead) doHere(batch);
      }
    }
  } finally {
    for (const w of workers) {
      void w.worker.terminate();
      w.port.close();
    }
  }
  return results as ChunkResult[];
}
