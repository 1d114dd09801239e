import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

/**
 * The exact YAML parser, loaded on first use only: files that parse cleanly
 * with the fast parser never need it, so a clean run never pays to load it.
 */
export function yamlLib(): typeof Yaml {
  return require('yaml') as typeof Yaml;
}
