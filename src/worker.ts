/** A worker thread of parallel.ts: processes one chunk of files and posts the result back. */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FatalError } from './errors.js';
import type { Config } from './model/index.js';
import type { FoundFile } from './load/discover.js';
import { loadFramework } from './frameworks/catalogue.js';
import { loadRules } from './score/rubrics.js';
import { processChunk } from './chunk.js';
import { toWire } from './parallel.js';

const { shared, port, files, config, rubrics, exactOnly } = workerData as {
  shared: Int32Array;
  port: MessagePort;
  files: FoundFile[];
  config: Config;
  rubrics: string[];
  exactOnly: boolean;
};

try {
  // Lets a test stand in for a worker that dies without a word (out of memory, say).
  if (process.env.CQC_SCORE_TEST_WORKER_DIES === '1') process.exit(1);
  const rules = loadRules(loadFramework(config.framework), rubrics);
  port.postMessage({
    ok: toWire(
      processChunk(files, config, rules, {
        exactOnly,
        onProgress: () => void Atomics.add(shared, 1, 1),
      }),
      rules,
    ),
  });
} catch (error) {
  port.postMessage({
    error: (error as Error).message ?? String(error),
    fatal: error instanceof FatalError,
  });
} finally {
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
}
