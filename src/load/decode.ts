/**
 * Turning the bytes of any input (evidence, configuration, rubric, baseline)
 * into text: one decoder, so every input is held to the same rules. UTF-8
 * only; a byte order mark is not content; UTF-16 and UTF-32 are named as
 * such, with the command that converts them; binary data and bytes that are
 * not UTF-8 are refused with a diagnostic, never guessed at.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../model/index.js';
import { fileDiagnostic } from './yaml-errors.js';

/** Text, or the one diagnostic saying why there is none. */
export type Decoded =
  { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

/** What an input should hold, for the message about a binary file: its format, and what to do instead. */
export interface Expected {
  format: string;
  advice: string;
}

/** Evidence, configuration and rubrics: YAML files, read because of their name. */
export const YAML_TEXT: Expected = {
  format: 'YAML',
  advice: 'remove it or rename it so it does not end in .yaml',
};

/** A wide encoding: its name, its byte order, and whether a byte order mark says so. */
interface Wide {
  name: 'UTF-16' | 'UTF-32';
  order: 'LE' | 'BE';
  bom: boolean;
}

/** The encoding a byte order mark at the start names, if any. */
function markedEncoding(bytes: Uint8Array): Wide | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
    return { name: 'UTF-32', order: 'LE', bom: true };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
    return { name: 'UTF-32', order: 'BE', bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { name: 'UTF-16', order: 'LE', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { name: 'UTF-16', order: 'BE', bom: true };
  return undefined;
}

/**
 * UTF-16 or UTF-32 without a byte order mark: text in which, of every two or
 * four bytes, all but one are zero (ASCII written in that encoding).
 */
function unmarkedEncoding(bytes: Uint8Array): Wide | undefined {
  for (const [name, width] of [
    ['UTF-32', 4],
    ['UTF-16', 2],
  ] as const) {
    const n = Math.min(bytes.length, 256) - (Math.min(bytes.length, 256) % width);
    if (n < 2 * width) continue;
    // Where the one non-zero byte of each unit sits: first for LE, last for BE.
    for (const [order, at] of [
      ['LE', 0],
      ['BE', width - 1],
    ] as const) {
      let fits = true;
      for (let i = 0; i < n && fits; i++) fits = (bytes[i] !== 0) === (i % width === at);
      if (fits) return { name, order, bom: false };
    }
  }
  return undefined;
}

/** "UTF-16 LE", "UTF-32 BE" and so on when the bytes look like UTF-16 or UTF-32. */
function wideEncoding(bytes: Uint8Array): Wide | undefined {
  return markedEncoding(bytes) ?? unmarkedEncoding(bytes);
}

/**
 * The name iconv needs to read the file: with a byte order mark, plain
 * `UTF-16` (iconv reads the mark and drops it); without one, the byte order
 * must be named, since iconv then guesses it (glibc takes the machine's,
 * GNU libiconv big-endian) and a file in the other order comes out as
 * garbage or is refused.
 */
function iconvName(wide: Wide): string {
  return wide.bom ? wide.name : `${wide.name}${wide.order}`;
}

function wideDiagnostic(file: string, wide: Wide): Diagnostic {
  return fileDiagnostic(
    file,
    'file/encoding',
    `file is ${wide.name} (${wide.order}) text, not UTF-8; save it as UTF-8 (in your editor's "Save as" encoding choice, or: iconv -f ${iconvName(wide)} -t UTF-8 FILE > FILE.utf8 and rename it back)`,
  );
}

/** The first byte that is not UTF-8, as a line and column, and the advice. */
function notUtf8Diagnostic(file: string, bytes: Uint8Array): Diagnostic {
  const loose = new TextDecoder('utf-8').decode(bytes);
  const at = loose.indexOf('\uFFFD');
  const before = loose.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return fileDiagnostic(
    file,
    'file/encoding',
    'file is not valid UTF-8 text; save it as UTF-8 in your editor',
    { line, column },
  );
}

/**
 * Decodes an input as strict UTF-8, dropping a byte order mark (and a second
 * one, which editors sometimes add). Anything else is a diagnostic on `file`.
 */
export function decodeText(file: string, bytes: Uint8Array, expected = YAML_TEXT): Decoded {
  const wide = wideEncoding(bytes);
  if (wide) return { diagnostic: wideDiagnostic(file, wide) };
  if (bytes.includes(0)) {
    return {
      diagnostic: fileDiagnostic(
        file,
        'file/binary',
        `file is binary, not ${expected.format} text; ${expected.advice}`,
      ),
    };
  }
  if (!isUtf8(bytes)) return { diagnostic: notUtf8Diagnostic(file, bytes) };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
