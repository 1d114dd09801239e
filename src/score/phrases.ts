/**
 * Phrases as rules write them ("delay*", "co-production", "waiting list"),
 * compiled into word patterns and indexed by first word, so one pass over an
 * item's words finds every phrase of a rule set.
 */
import type { PreparedText } from './text.js';

/** One word of a compiled phrase: exact, or a stem that any ending may follow. */
interface WordPattern {
  word: string;
  prefix: boolean;
}

export interface CompiledPhrase {
  /** Which text condition of the index it belongs to. */
  condition: number;
  words: WordPattern[];
}

/**
 * The word sequences a phrase stands for: "co-production" is also
 * "coproduction" and "co production"; "delay*" is the stem "delay".
 */
export function phraseVariants(phrase: string): WordPattern[][] {
  let known = variantCache.get(phrase);
  if (!known) variantCache.set(phrase, (known = computeVariants(phrase)));
  return known;
}

const variantCache = new Map<string, WordPattern[][]>();

function computeVariants(phrase: string): WordPattern[][] {
  let variants: WordPattern[][] = [[]];
  for (const raw of phrase.trim().toLowerCase().replace(/[’‘`]/g, "'").split(/\s+/)) {
    const prefix = raw.endsWith('*');
    const core = prefix ? raw.slice(0, -1) : raw;
    const parts = core.split('-').filter((part) => part !== '');
    const forms: WordPattern[][] =
      parts.length > 1
        ? [
            parts.map((word, i) => ({ word, prefix: prefix && i === parts.length - 1 })),
            [{ word: parts.join(''), prefix }],
          ]
        : [[{ word: parts[0] ?? core, prefix }]];
    variants = variants.flatMap((head) => forms.map((form) => [...head, ...form]));
  }
  return variants.filter((words) => words.every((w) => w.word !== ''));
}

/** Every phrase of a set of text conditions, indexed by its first word (or stem). */
export class PhraseIndex {
  private readonly exact = new Map<string, CompiledPhrase[]>();
  /** Phrases whose first word is a stem, keyed by the stem's first three letters. */
  private readonly stems = new Map<number, CompiledPhrase[]>();
  /** Stems shorter than three letters, checked one by one. */
  private readonly shortStems: CompiledPhrase[] = [];

  add(condition: number, phrases: readonly string[]): void {
    for (const phrase of phrases) {
      for (const words of phraseVariants(phrase)) {
        const first = words[0] as WordPattern;
        const entry = { condition, words };
        if (!first.prefix) push(this.exact, first.word, entry);
        else if (first.word.length < 3) this.shortStems.push(entry);
        else push(this.stems, stemKey(first.word), entry);
      }
    }
  }

  /** Calls `found` for each phrase occurrence: condition, first word index, word count. */
  scan(
    prepared: PreparedText,
    found: (condition: number, token: number, length: number) => void,
  ): void {
    const { tokens } = prepared;
    const count = tokens.length;
    const { exact, stems, shortStems } = this;
    const anyStems = stems.size > 0;
    for (let i = 0; i < count; i++) {
      const token = tokens[i] as string;
      const starting = exact.get(token);
      if (starting !== undefined) matchAll(starting, tokens, i, count, found);
      if (anyStems && token.length >= 3) {
        const stemmed = stems.get(stemKey(token));
        if (stemmed !== undefined) matchAll(stemmed, tokens, i, count, found);
      }
      if (shortStems.length > 0) matchAll(shortStems, tokens, i, count, found);
    }
  }
}

function matchAll(
  phrases: readonly CompiledPhrase[],
  tokens: readonly string[],
  at: number,
  count: number,
  found: (condition: number, token: number, length: number) => void,
): void {
  for (let p = 0; p < phrases.length; p++) {
    const { words, condition } = phrases[p] as CompiledPhrase;
    const length = words.length;
    if (at + length > count) continue;
    let j = 0;
    for (; j < length; j++) {
      const token = tokens[at + j] as string;
      const pattern = words[j] as WordPattern;
      if (pattern.prefix ? !token.startsWith(pattern.word) : token !== pattern.word) break;
    }
    if (j === length) found(condition, at, length);
  }
}

/** The first three characters of a word as one number, a key that costs no string. */
function stemKey(word: string): number {
  return (word.charCodeAt(0) << 16) | (word.charCodeAt(1) << 8) | word.charCodeAt(2);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
