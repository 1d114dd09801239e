import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { ScoreResult } from '../model/index.js';
import { FORMATTERS } from '../report/index.js';
import { jsonChunks } from '../report/json.js';
import type { FormatName, FormatOptions } from '../report/index.js';
import type { Writer } from './io.js';

/**
 * Writes a file all at once: a temporary file beside it, flushed to disk,
 * then a rename, so a failed run never leaves half a file. With `mode`, the
 * file gets exactly those permission bits (--fix keeps an evidence file's).
 */
export function writeAtomically(
  path: string,
  text: string | Iterable<string>,
  mode?: number,
): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w', mode);
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      for (const piece of typeof text === 'string' ? [text] : text) writeSync(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FatalError(
      `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      [],
      { cause: error },
    );
  }
}

function guardEvidenceFolder(output: string, evidenceDir: string): void {
  if (evidenceDir === '-') return;
  const rel = relative(resolve(evidenceDir), resolve(output));
  const inside = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  if (inside && /\.ya?ml$/i.test(output)) {
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
  for (const output of outputs) for (const input of inputs) guardEvidenceFolder(output, input);
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
    else writeAtomically(output, text);
  }
}
