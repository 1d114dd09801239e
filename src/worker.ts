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
  const rules = loadRules(loadFramework(config.framework), rubrics);
  port.postMessage({ ok: toWire(processChunk(files, config, rules, { exactOnly }), rules) });
} catch (error) {
  port.postMessage({
    error: (error as Error).message ?? String(error),
    fatal: error instanceof FatalError,
  });
} finally {
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
}
