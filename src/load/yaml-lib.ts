import type * as Yaml from 'yaml';
import { packageRequire } from '../base/paths.js';

/**
 * The exact YAML parser, loaded on first use only: files that parse cleanly
 * with the fast parser never need it, so a clean run never pays to load it.
 */
export function yamlLib(): typeof Yaml {
  return packageRequire('yaml') as typeof Yaml;
}

/**
 * Runs `parse` without stack traces: the `yaml` package makes an Error for
 * each problem it meets, a file of 100,000 stray quotes makes as many, and
 * capturing their stacks (never shown) took seconds.
 */
export function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
