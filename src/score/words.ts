/**
 * The words of evidence text, each kept once per thread as a `Word` that
 * knows what it is to the text reader (a negation, a contrast word...) and
 * carries a dense id, so phrase indexes can remember per word which phrases
 * start with it. Reading an item then costs one lookup per word.
 */

export interface Word {
  /** Lower-cased, apostrophes straightened. */
  readonly text: string;
  /** Dense within its vocabulary: an index into per-word tables. */
  readonly id: number;
  /** What the text reader needs to know of it: the `WORD_*` bits. */
  readonly flags: number;
  readonly vocabulary: Vocabulary;
}

/** "not", "no", "without"...: turns the phrase just after it around. */
export const WORD_NEGATOR = 1;
/** "prevent", "protection"...: keeps what follows away. */
export const WORD_PREVENTER = 2;
/** "and", "or": skipped when looking back for a negation. */
export const WORD_LINK = 4;
/** "only", "just": "not only" is no negation. */
export const WORD_ONLY = 8;
/** "not" itself. */
export const WORD_NOT = 16;
/** A word the clause patterns look for (before any apostrophe): "however", "although"... */
export const WORD_CONTRAST = 32;
/** "recall", "seen", "aware"...: a negation just before it reaches the whole clause ("could not recall any delay"). */
export const WORD_REPORT = 64;
/** "uncommon", "unusual"...: "not uncommon" is no negation. */
export const WORD_LITOTES = 128;
/** "addressed", "cleared", "fell"...: after a phrase, what it names has gone or shrunk ("the backlog was cleared"). */
export const WORD_RESOLVER = 256;
/** "would", "should", "will": what follows is hoped for or planned, not yet evidence. */
export const WORD_IRREALIS = 512;
/** "aims", "plans", "wants"...: the same, when "to" follows ("plans to introduce"). */
export const WORD_INTENT = 1024;
/** "nobody", "none": a negation that covers the whole clause after it. */
export const WORD_DENIER = 2048;
/** "one": "no one" denies like "nobody". */
export const WORD_ONE = 4096;
/** "help", "supports"...: what follows closely is the need met, not a failing ("supports households struggling with debt"). */
export const WORD_HELPER = 8192;

const NEGATORS = [
  'not',
  'no',
  'never',
  'without',
  'lack',
  'lacked',
  'lacking',
  'absence',
  'nor',
  'neither',
  'cannot',
  'unable',
  'failed',
  'fail',
  'fails',
  'insufficient',
  'little',
  'limited',
  'rarely',
  'seldom',
  'none',
  'nobody',
  'hardly',
  'barely',
  "can't",
  "didn't",
  "doesn't",
  "don't",
  "wasn't",
  "weren't",
  "isn't",
  "aren't",
  "hasn't",
  "haven't",
  "hadn't",
  "won't",
  "wouldn't",
  "couldn't",
  "shouldn't",
];

/** Words that turn what follows into something kept away: "protection from harm", "to prevent delays". */
const PREVENTERS = [
  'protect',
  'protection',
  'protected',
  'protecting',
  'prevent',
  'prevented',
  'preventing',
  'prevention',
  'avoid',
  'avoided',
  'avoiding',
  'minimise',
  'minimised',
  'minimising',
  'reduce',
  'reduced',
  'reducing',
  'free',
  'stop',
  'stopping',
  'tackle',
  'tackling',
  'combat',
  'combating',
  'mitigate',
  'mitigated',
  'mitigating',
  'mitigation',
  'eliminate',
  'eliminating',
  'lower',
  'lowering',
  'minimize',
  'minimizing',
];

/** Verbs of telling and noticing: "nobody could recall the council failing to respond". */
const REPORTERS = [
  'recall',
  'recalled',
  'remember',
  'remembered',
  'see',
  'seen',
  'saw',
  'find',
  'found',
  'identify',
  'identified',
  'report',
  'reported',
  'describe',
  'described',
  'mention',
  'mentioned',
  'experience',
  'experienced',
  'evidence',
  'aware',
  'know',
  'knew',
  'hear',
  'heard',
  'raise',
  'raised',
  'notice',
  'noticed',
  'observe',
  'observed',
  'example',
  'examples',
  'sign',
  'signs',
  'say',
  'says',
  'said',
  'tell',
  'told',
  'think',
  'thought',
  'feel',
  'felt',
  'record',
  'records',
];

/** Words that, after "not", make the pair an affirmation: "not uncommon", "not unusual". */
const LITOTES = ['uncommon', 'unusual', 'infrequent', 'unknown', 'unheard', 'rare', 'unlike'];

/**
 * Words that, after a phrase in the same clause, say what it names has gone or
 * shrunk: "the backlog was cleared", "waiting times fell from 12 weeks to 4".
 * "Improved" is not one: "satisfaction improved" keeps satisfaction.
 */
const RESOLVERS = [
  'addressed',
  'resolved',
  'cleared',
  'eliminated',
  'halved',
  'fixed',
  'tackled',
  'removed',
  'fell',
  'fallen',
  'dropped',
  'decreased',
  'reduced',
  'shrank',
  'shrunk',
  'shortened',
  'ended',
  'stopped',
  'overcome',
  'rectified',
  'remedied',
];

/** Subjects that deny the whole clause: "nobody", "none" (and "no one", read as a pair). */
const DENIERS = ['nobody', 'none', 'noone'];

/** Modal verbs that put what follows in the future or the wished-for. */
const IRREALIS = ['would', 'should', 'will', "won't", 'shall', 'whether'];

/** Verbs of intending, which do the same when "to" follows them. */
const INTENTS = [
  'aim',
  'aims',
  'aimed',
  'aiming',
  'plan',
  'plans',
  'planned',
  'planning',
  'want',
  'wants',
  'wanted',
  'hope',
  'hopes',
  'hoped',
  'intend',
  'intends',
  'intended',
  'aspire',
  'aspires',
  'aspired',
  'ambition',
  'expected',
  'expects',
  'going',
  'likely',
  'need',
  'needs',
  'needed',
];

/**
 * Every word the clause patterns look for ("even though" and "in spite of"
 * through their last words): text without any of them is one plain clause
 * per sentence.
 */
const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  'however',
  'but',
  'nevertheless',
  'nonetheless',
  'yet',
  'although',
  'though',
  'despite',
  'spite',
  'while',
  'whilst',
  'notwithstanding',
]);

const CLASSES = new Map<string, number>();
const addClass = (words: Iterable<string>, flag: number): void => {
  for (const word of words) CLASSES.set(word, (CLASSES.get(word) ?? 0) | flag);
};
addClass(NEGATORS, WORD_NEGATOR);
addClass(PREVENTERS, WORD_PREVENTER);
addClass(['and', 'or'], WORD_LINK);
addClass(['only', 'just'], WORD_ONLY);
addClass(['not'], WORD_NOT);
addClass(REPORTERS, WORD_REPORT);
addClass(LITOTES, WORD_LITOTES);
addClass(RESOLVERS, WORD_RESOLVER);
addClass(IRREALIS, WORD_IRREALIS);
addClass(INTENTS, WORD_INTENT);
addClass(DENIERS, WORD_DENIER);
addClass(['one'], WORD_ONE);
addClass(
  ['helps', 'helped', 'helping', 'supports', 'supporting', 'assists', 'assisting'],
  WORD_HELPER,
);

function flagsOf(text: string): number {
  const apostrophe = text.indexOf("'");
  const base = apostrophe < 0 ? text : text.slice(0, apostrophe);
  return (CLASSES.get(text) ?? 0) | (CONTRAST_WORDS.has(base) ? WORD_CONTRAST : 0);
}

/**
 * Words known to one thread, in an open-addressing table keyed by a hash the
 * reader computes as it goes, so a word seen before is found without cutting
 * it out of the text. It starts afresh past `MAX_WORDS`, so memory stays bounded.
 */
export class Vocabulary {
  private readonly words: Word[] = [];
  private readonly hashes: number[] = [];
  /** Word id + 1 per slot; 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;

  get size(): number {
    return this.words.length;
  }

  /** The word `source[begin, end)`, whose `wordHash` is `hash`. */
  find(source: string, begin: number, end: number, hash: number): Word {
    const { slots, mask, words, hashes } = this;
    const length = end - begin;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === 0) return this.add(source.slice(begin, end), hash, slot);
      if (hashes[entry - 1] !== hash) continue;
      const word = words[entry - 1] as Word;
      const { text } = word;
      if (text.length !== length) continue;
      let k = 0;
      while (k < length && text.charCodeAt(k) === source.charCodeAt(begin + k)) k++;
      if (k === length) return word;
    }
  }

  word(text: string): Word {
    return this.find(text, 0, text.length, wordHash(text, 0, text.length));
  }

  private add(text: string, hash: number, slot: number): Word {
    const word: Word = { text, id: this.words.length, flags: flagsOf(text), vocabulary: this };
    this.words.push(word);
    this.hashes.push(hash);
    this.slots[slot] = word.id + 1;
    if (this.words.length * 2 > this.slots.length) this.grow();
    return word;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The hash `Vocabulary.find` expects: the same as `nextHash` applied to each character. */
export function wordHash(source: string, begin: number, end: number): number {
  let hash = 0;
  for (let i = begin; i < end; i++) hash = nextHash(hash, source.charCodeAt(i));
  return hash;
}

export function nextHash(hash: number, c: number): number {
  return (Math.imul(hash, 0x01000193) ^ c) | 0;
}

/** Enough for the words of a very large repository; numbers and names make most of them. */
const MAX_WORDS = 1 << 19;

let current = new Vocabulary();

/** The vocabulary new text is read into. */
export function vocabulary(): Vocabulary {
  if (current.size >= MAX_WORDS) current = new Vocabulary();
  return current;
}
