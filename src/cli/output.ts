import { realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { ScoreResult } from '../model/index.js';
import { FORMATTERS } from '../report/index.js';
import { inputFolder } from '../run/1-discover.js';
import { jsonChunks } from '../report/json.js';
import type { FormatName, FormatOptions } from '../report/index.js';
import type { Writer } from './io.js';
import { resolveTarget, writeFileSafely } from './write-file.js';
import type { Target } from './write-file.js';

/** `dev:ino` of a path, following links; undefined when it does not exist. */
function identity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether `path` (which need not exist) lies inside the folder `dir`, however
 * the path leads there: its nearest existing folder is resolved by the system
 * (links, `..`), then compared by identity with `dir` and each folder above
 * it, so a different case on a case-insensitive disk leads to the same folder.
 */
export function isInsideFolder(dir: string, path: string): boolean {
  const root = identity(dir);
  if (root === undefined) return false;
  let existing = dirname(path);
  while (identity(existing) === undefined) {
    const parent = dirname(existing);
    if (parent === existing) return false;
    existing = parent;
  }
  // The system's own resolution: `..` after a link leads out of the link's
  // target, as the write will, not out of the folder the link sits in.
  let current = realpathSync.native(existing);
  for (;;) {
    if (identity(current) === root) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

/** Refuses a YAML report inside the folder an input reads (a folder, a file's folder, a glob's base). */
function guardEvidenceFolder(output: string, target: Target, input: string): void {
  const evidenceDir = inputFolder(input);
  if (evidenceDir === undefined) return;
  const paths = target.kind === 'file' ? [output, target.path] : [output];
  if (paths.some((path) => /\.ya?ml$/i.test(basename(path)) && isInsideFolder(evidenceDir, path))) {
    throw new FatalError(
      `refusing to write ${output}: it is inside the evidence folder and would be read as evidence; write reports elsewhere`,
    );
  }
}

/**
 * Renders each requested format and sends it to its --output file, in order;
 * at most one format may go to standard output. Everything is rendered before
 * anything is written, so a failure leaves no partial set of reports.
 */
export async function writeOutputs(
  result: ScoreResult,
  formats: readonly FormatName[],
  outputs: readonly string[],
  options: FormatOptions,
  stdout: Writer,
  inputs: readonly string[],
): Promise<void> {
  if (outputs.length > formats.length) {
    throw new FatalError(
      `${outputs.length} --output files for ${formats.length} --format; give one --format for each --output`,
    );
  }
  if (formats.length - outputs.length > 1) {
    throw new FatalError(
      'only one format can go to standard output; give an --output file for the others',
    );
  }
  for (const output of outputs) {
    const target = resolveTarget(output);
    for (const input of inputs) guardEvidenceFolder(output, target, input);
  }
  // Render every other format first, so a failure leaves no partial set of
  // reports; JSON, which can be very large, is then written in pieces.
  const rendered: { text: Iterable<string>; output?: string }[] = [];
  for (let i = 0; i < formats.length; i++) {
    const format = formats[i] as FormatName;
    const output = outputs[i];
    if (format === 'json') {
      rendered.push(
        output === undefined ? { text: jsonChunks(result) } : { text: jsonChunks(result), output },
      );
      continue;
    }
    const formatter = await FORMATTERS[format]();
    // A file gets neither colour nor the terminal's width.
    const { width: _width, ...fileOptions } = options;
    const text = await formatter(
      result,
      output === undefined ? options : { ...fileOptions, color: false },
    );
    rendered.push(output === undefined ? { text: [text] } : { text: [text], output });
  }
  const ready = rendered.filter((r) => Array.isArray(r.text));
  const streamed = rendered.filter((r) => !Array.isArray(r.text));
  for (const { text, output } of [...ready, ...streamed]) {
    if (output === undefined) for (const piece of text) stdout.write(piece);
    else writeFileSafely(output, text, { stdout });
  }
}
