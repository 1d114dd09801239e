/**
 * Runs the per-file work of a large repository on several threads. The main
 * thread takes the first chunk of files itself while workers take the rest;
 * it then waits for them synchronously, so `run()` stays a plain function.
 * Chunks are contiguous runs of the sorted file list and are merged in order,
 * so the result is the same as on one thread, byte for byte.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FatalError } from './errors.js';
import type { Config, EvidenceItem, Rule } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { findingSources, processChunk } from './chunk.js';
import type { ChunkOptions, ChunkResult } from './chunk.js';
import type { Verdict } from './score/judge.js';
import type { RuleSet } from './score/rubrics.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;
/** A worker silent this long (no file finished) is taken for dead; one file takes milliseconds. */
const SILENCE_MS = 60_000;
/** How much more work the main thread takes than each worker. */
const MAIN_THREAD_WEIGHT = 1.25;

export interface ParallelOptions extends ChunkOptions {
  /** Threads to use, the main one included; default: one per core up to 4, for large repositories. */
  threads?: number;
  /** How long a worker may go without progress before its share is done here instead. */
  silenceMs?: number;
  rubrics?: string[];
}

/**
 * What crosses from a worker, kept small because copying it is the cost of
 * threading: file names once, no summaries (only judging reads them), and of
 * each verdict only the fired rules a finding can come from (matches that
 * agree with the item's judgement), naming rules by their place in the set.
 */
interface WireChunk {
  files: string[];
  items: (Omit<EvidenceItem, 'summary' | 'ref'> & { ref: [number, number, number] })[];
  diagnostics: ChunkResult['diagnostics'];
  ids: ChunkResult['ids'];
  /** Per item, per statement: [basis, total, [rule index, weight, words, contribution][]]. */
  verdicts: [Verdict['basis'], number, [number, number, string[], number][]][][];
}

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
    files,
    items: chunk.items.map(({ summary: _summary, ref, ...item }) => {
      let f = fileIndex.get(ref.file);
      if (f === undefined) {
        f = files.length;
        files.push(ref.file);
        fileIndex.set(ref.file, f);
      }
      return { ...item, ref: [f, ref.line, ref.column] };
    }),
    diagnostics: chunk.diagnostics,
    ids: chunk.ids,
    verdicts: chunk.verdicts.map((perItem, i) =>
      perItem.map((verdict, s) => {
        const list = rules.forStatement(chunk.items[i]!.statements[s]!);
        const fired = findingSources(verdict).map((f): [number, number, string[], number] => [
          indexOf(list, f.rule.id),
          f.outcome.weight,
          f.outcome.words,
          f.contribution,
        ]);
        return [verdict.basis, verdict.total, fired];
      }),
    ),
  };
  return JSON.stringify(wire);
}

function fromWire(text: string, rules: RuleSet): ChunkResult {
  const wire = JSON.parse(text) as WireChunk;
  const items: EvidenceItem[] = wire.items.map(({ ref, ...item }) => ({
    ...item,
    summary: '',
    ref: { file: wire.files[ref[0]]!, line: ref[1], column: ref[2] },
  }));
  return {
    items,
    diagnostics: wire.diagnostics,
    ids: wire.ids,
    verdicts: wire.verdicts.map((perItem, i) => {
      const item = items[i]!;
      return perItem.map(([basis, total, fired], s) => {
        const list = rules.forStatement(item.statements[s]!);
        return {
          item,
          basis,
          total,
          fired: fired.map(([r, weight, words, contribution]) => ({
            rule: list[r]!,
            outcome: { state: 'match' as const, weight, words },
            contribution,
          })),
        };
      });
    }),
  };
}

/**
 * Blocks until the worker posts its result. A worker that has made no
 * progress for a while is taken for dead: its events cannot reach a blocked
 * thread, so its heartbeat is the only sign of life.
 */
function awaitWorker(
  shared: Int32Array,
  port: MessagePort,
  silenceMs: number,
): WorkerMessage | undefined {
  let beat = Atomics.load(shared, 1);
  let lastProgress = Date.now();
  while (Atomics.load(shared, 0) === 0) {
    Atomics.wait(shared, 0, 0, Math.min(1000, silenceMs));
    const now = Atomics.load(shared, 1);
    if (now !== beat) {
      beat = now;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > silenceMs) {
      return undefined;
    }
  }
  return receiveMessageOnPort(port)?.message as WorkerMessage | undefined;
}

interface WorkerMessage {
  ok?: string;
  error?: string;
  fatal?: boolean;
}

function workerScript(): string | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const path = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

function threadsFor(files: number, options: ParallelOptions): number {
  if (options.readFile) return 1;
  if (options.threads !== undefined) return Math.max(1, Math.floor(options.threads));
  return files >= PARALLEL_MIN_FILES ? Math.min(availableParallelism(), 4) : 1;
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
  if (threads <= 1) return [processChunk(files, config, rules, options)];

  // Workers start late (loading modules and rules) and must hand their result
  // over, so the main thread takes a larger share than each worker.
  const share = MAIN_THREAD_WEIGHT;
  const mainSize = Math.ceil((files.length * share) / (share + threads - 1));
  const size = Math.ceil((files.length - mainSize) / (threads - 1));
  const chunks = [
    files.slice(0, mainSize),
    ...Array.from({ length: threads - 1 }, (_, i) =>
      files.slice(mainSize + i * size, mainSize + (i + 1) * size),
    ),
  ];
  const started = chunks.slice(1).map((chunk) => {
    // [0]: 1 once the result is posted; [1]: files done so far, a heartbeat.
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script as string, {
      workerData: {
        shared,
        port: port2,
        files: chunk,
        config,
        rubrics: options.rubrics ?? [],
        exactOnly: options.exactOnly === true,
      },
      transferList: [port2],
    });
    worker.unref();
    return { worker, shared, port: port1, chunk };
  });
  const results = [processChunk(chunks[0] ?? [], config, rules, options)];
  for (const { worker, shared, port, chunk } of started) {
    const message = awaitWorker(shared, port, options.silenceMs ?? SILENCE_MS);
    void worker.terminate();
    port.close();
    if (message === undefined) {
      // The worker died (out of memory, say) or stalled: do its share here.
      results.push(processChunk(chunk, config, rules, options));
      continue;
    }
    if (!message.ok) {
      const text = message.error ?? 'a worker thread stopped without a result';
      throw message.fatal ? new FatalError(text) : new Error(text);
    }
    results.push(fromWire(message.ok, rules));
  }
  return results;
}
