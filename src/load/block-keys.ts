/**
 * Keys of the YAML subset that block-yaml.ts reads: a letter or `_`, then
 * letters, digits, `_` or `-` (`title`, `as-of`, `k9`), followed by `:` and a
 * space or the end of the line. js-yaml reads such a key as that same text,
 * except for the few words it types (keyAt refuses those it would rename).
 */
import { OUTSIDE_SUBSET, plainValue } from './block-scalars.js';

const SPACE = 0x20;
const COLON = 0x3a;

/** Characters of keys, by code below 128: 2 starts a key (a letter or `_`), 1 may follow (a digit or `-`). */
const KEY_CHAR = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_') {
  KEY_CHAR[c.charCodeAt(0)] = 2;
}
for (const c of '0123456789-') KEY_CHAR[c.charCodeAt(0)] = 1;

function keyClass(c: number): number {
  return c < 128 ? (KEY_CHAR[c] as number) : 0;
}

/** Where the `:` ending a key that starts at `at` is, or -1 when the line has no such key there. */
export function keyEnd(text: string, at: number, end: number): number {
  if (keyClass(text.charCodeAt(at)) !== 2) return -1;
  let colon = at + 1;
  while (keyClass(text.charCodeAt(colon)) > 0) colon++;
  if (text.charCodeAt(colon) !== COLON) return -1;
  return colon + 1 === end || text.charCodeAt(colon + 1) === SPACE ? colon : -1;
}

/**
 * Keys met before, by length and first and last character. Evidence files
 * repeat a few keys thousands of times; reusing the string saves slicing and
 * checking it again. A key is reused only when the text holds exactly it.
 */
const knownKeys: (string | undefined)[] = new Array<string | undefined>(1024);

/**
 * The key from `at` to `colon` (as keyEnd found it), refused when js-yaml
 * would store it under another name or specially (`__proto__`).
 */
export function keyAt(text: string, at: number, colon: number): string {
  const length = colon - at;
  const slot = (length * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(colon - 1)) & 1023;
  const known = knownKeys[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, at)) return known;
  const key = text.slice(at, colon);
  // js-yaml stores String(key as typed): `null` stays "null", but `True` would become "true".
  const typed = plainValue(key);
  if ((typed !== key && String(typed) !== key) || key === '__proto__') throw OUTSIDE_SUBSET;
  knownKeys[slot] = key;
  return key;
}
