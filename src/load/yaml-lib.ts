import type * as Yaml from 'yaml';
import { packageRequire } from '../base/paths.js';

/**
 * The exact YAML parser, loaded on first use only: files that parse cleanly
 * with the fast parser never need it, so a clean run never pays to load it.
 */
export function yamlLib(): typeof Yaml {
  return packageRequire('yaml') as typeof Yaml;
}
