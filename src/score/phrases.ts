/**
 * Phrases as rules write them ("delay*", "co-production", "waiting list"),
 * compiled into word patterns and indexed by first word, so one pass over an
 * item's words finds every phrase of a rule set.
 */
import { straighten } from './text.js';
import type { PreparedText } from './text.js';
import type { Vocabulary, Word } from './words.js';

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
  for (const raw of straighten(phrase.trim().toLowerCase()).split(/\s+/)) {
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
  /** Per word id of `vocabulary`: the phrases that start with that word, null for none. */
  private starting: (readonly CompiledPhrase[] | null | undefined)[] = [];
  private vocabulary: Vocabulary | undefined;

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
    this.starting = [];
  }

  /** Calls `found` for each phrase occurrence: condition, first word index, word count. */
  scan(
    prepared: PreparedText,
    found: (condition: number, token: number, length: number) => void,
  ): void {
    const { words } = prepared;
    const count = words.length;
    if (count === 0) return;
    const known = (words[0] as Word).vocabulary;
    if (known !== this.vocabulary) {
      this.vocabulary = known;
      this.starting = [];
    }
    const { starting } = this;
    for (let i = 0; i < count; i++) {
      const word = words[i] as Word;
      let phrases = starting[word.id];
      if (phrases === undefined) phrases = starting[word.id] = this.startingWith(word.text);
      if (phrases !== null) matchRest(phrases, words, i, count, found);
    }
  }

  /** Phrases whose first word matches `word`, in the order a scan reports them; null for none. */
  private startingWith(word: string): readonly CompiledPhrase[] | null {
    const phrases: CompiledPhrase[] = [...(this.exact.get(word) ?? [])];
    const stemmed = word.length >= 3 ? this.stems.get(stemKey(word)) : undefined;
    for (const phrase of [...(stemmed ?? []), ...this.shortStems]) {
      if (word.startsWith((phrase.words[0] as WordPattern).word)) phrases.push(phrase);
    }
    return phrases.length > 0 ? phrases : null;
  }
}

/** Checks the words after the first (which `startingWith` has matched) of each phrase. */
function matchRest(
  phrases: readonly CompiledPhrase[],
  words: readonly Word[],
  at: number,
  count: number,
  found: (condition: number, token: number, length: number) => void,
): void {
  for (let p = 0; p < phrases.length; p++) {
    const { words: patterns, condition } = phrases[p] as CompiledPhrase;
    const length = patterns.length;
    if (at + length > count) continue;
    let j = 1;
    for (; j < length; j++) {
      const word = (words[at + j] as Word).text;
      const pattern = patterns[j] as WordPattern;
      if (pattern.prefix ? !word.startsWith(pattern.word) : word !== pattern.word) break;
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
