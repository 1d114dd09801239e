/**
 * Runs the per-file work of a large repository on several threads. The sorted
 * file list is cut into small batches that the main thread and the workers
 * claim from one queue; workers post each batch's result as soon as it is
 * done (see wire.ts), and the main thread reads them in between its own
 * batches, waiting synchronously at the end, so `run()` stays a plain
 * function. Results are merged in batch order, so the output is the same as
 * on one thread, byte for byte.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { FatalError } from './errors.js';
import { BUNDLED, packagePath } from './paths.js';
import type { Config } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { processChunk } from './chunk.js';
import type { ChunkOptions, ChunkResult } from './chunk.js';
import type { RuleSet } from './score/rubrics.js';
import { Interner } from './intern.js';
import { fromWire } from './wire.js';

/**
 * Below this many files, threads cost more than they save: a worker takes a
 * few hundred milliseconds to start, and what it hands back must be copied
 * and rebuilt on the main thread. Measured on two cores (median of three
 * interleaved runs), one thread is ahead at 5,000 files (3.0 s against
 * 3.2 s) and two are ahead at 10,000 (4.9 s against 5.3 s).
 */
export const PARALLEL_MIN_FILES = 6000;
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

/** The files of one batch, as every thread cuts them. */
export function filesOfBatch<T>(files: readonly T[], batch: number, size: number): T[] {
  return files.slice(batch * size, (batch + 1) * size);
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
  const board = newBoard(batches, threads - 1);
  // One string for all the names: a worker starts sooner than with ten thousand objects to copy.
  const paths = files.map((file) => file.path).join('\u0000');
  const displays = files.map((file) => file.display).join('\u0000');
  const workers = Array.from({ length: threads - 1 }, (_, w) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script as string, {
      workerData: {
        board,
        me: w,
        port: port2,
        paths,
        displays,
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
    keep(
      batch,
      processChunk(filesOfBatch(files, batch, size), config, rules, { ...options, interner }),
    );
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
