/** Where the CLI writes: process streams in production, buffers in tests. */
export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in characters. */
  columns?: number;
}

export interface MainOptions {
  argv: string[];
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Reads standard input (the input `-`); process.stdin when not given. */
  readStdin?: () => Promise<Buffer>;
}

export const EXIT = { ok: 0, failed: 1, fatal: 2 } as const;
