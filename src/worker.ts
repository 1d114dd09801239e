/**
 * A worker thread of parallel.ts: claims batches of files until none is left,
 * and posts each batch's result back as soon as it is done.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FatalError } from './errors.js';
import type { Config } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { loadFramework } from './frameworks/catalogue.js';
import { loadRules } from './score/rubrics.js';
import { processChunk } from './chunk.js';
import { claimBatch, filesOfBatch } from './parallel.js';
import { toWire } from './wire.js';
import type { Board } from './parallel.js';

const { board, me, port, paths, displays, size, config, rubrics, exactOnly } = workerData as {
  board: Board;
  me: number;
  port: MessagePort;
  paths: string;
  displays: string;
  size: number;
  config: Config;
  rubrics: string[];
  exactOnly: boolean;
};

/** Tells the main thread, which may be blocked waiting, that a message is there. */
function posted(): void {
  Atomics.add(board.counters, 1, 1);
  Atomics.notify(board.counters, 1);
}

try {
  // Lets a test stand in for a worker that dies without a word (out of memory, say).
  if (process.env.CQC_SCORE_TEST_WORKER_DIES === '1') process.exit(1);
  const rules = loadRules(loadFramework(config.framework), rubrics);
  const shown = displays.split('\u0000');
  const files: FoundFile[] = paths.split('\u0000').map((path, i) => ({ path, display: shown[i]! }));
  const onProgress = (): void => void Atomics.add(board.beats, me, 1);
  for (let batch = claimBatch(board, me + 1); batch >= 0; batch = claimBatch(board, me + 1)) {
    const chunk = processChunk(filesOfBatch(files, batch, size), config, rules, {
      exactOnly,
      onProgress,
    });
    port.postMessage({ batch, ok: toWire(chunk, rules) });
    posted();
  }
} catch (error) {
  port.postMessage({
    error: (error as Error).message ?? String(error),
    fatal: error instanceof FatalError,
  });
  posted();
}
