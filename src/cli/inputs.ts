/** What the command line names: paths and standard input, the format of an --output file, mistyped commands. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { FatalError } from '../base/errors.js';
import type { FormatName } from '../report/index.js';
import { nearest } from '../schema/suggest.js';
import type { MainOptions } from './io.js';

/** Reads all of standard input (or the reader tests give). */
export async function readStdin(options: MainOptions): Promise<Buffer> {
  if (options.readStdin) return options.readStdin();
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const BY_EXTENSION: Record<string, FormatName> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.sarif': 'sarif',
  '.xml': 'junit',
};

/** The format an --output file's extension implies (`.sarif.json` is SARIF). */
export function formatOf(file: string): FormatName {
  if (/\.sarif\.json$/i.test(file)) return 'sarif';
  const format = BY_EXTENSION[extname(file).toLowerCase()];
  if (format === undefined)
    throw new FatalError(
      `cannot tell the format of ${file} from its extension; give --format before --output, or name it .md, .json, .sarif or .xml`,
    );
  return format;
}

/** `valdiate` → `validate`: a first word that is no path but is close to a command. */
export function mistypedCommand(
  first: string | undefined,
  commands: readonly string[],
): string | undefined {
  if (first === undefined || first.startsWith('-') || /[/\\.*?[\]{}]/.test(first)) return undefined;
  if (commands.includes(first) || existsSync(first)) return undefined;
  return nearest(first, commands);
}
