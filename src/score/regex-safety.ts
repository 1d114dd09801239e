/**
 * Refuses rubric regular expressions that can backtrack catastrophically, so
 * no evidence text can make a run hang. The pattern is tokenised by `ret`
 * (the tokenizer safe-regex2 uses) and two shapes are refused:
 *
 * - nested quantifiers: a repetition without a small bound (`+`, `*`,
 *   `{10,}`, `{20}`) around something that itself repeats, as in `(a+)+`,
 *   `(\w+\s?)*` or `(.*a){20}`;
 * - a repetition without a small bound around alternatives that can start
 *   with the same character (or both match nothing), as in `(a|aa)+` or
 *   `(\w|\d)*`;
 * - a repetition without a small bound around an optional piece that can
 *   match what follows it, the next round included, as in `(a?a)+`,
 *   `(a?b?)+` or `(a?){25}`.
 *
 * Both make the number of ways to match grow exponentially with the text.
 * What is not caught: adjacent overlapping repetitions such as `\w+\w+$`,
 * which are polynomial, not exponential (evidence texts are bounded by the
 * file size limit), and back-references.
 */
import ret from 'ret';
import type { SetTokens, Token, Tokens } from 'ret';

// `ret` is CommonJS: its module object is the tokenizer, with `types` on it.
const { types } = ret;
const tokenizer = ret as unknown as (pattern: string) => Tokens;

/** A repetition bounded by this or less is small enough to leave alone. */
const SMALL_BOUND = 9;
/** Characters tracked exactly; anything past them is "other". */
const TRACKED = 0x250;

/** The characters a piece of pattern can start with, and whether it can match nothing. */
interface First {
  chars: Uint8Array;
  /** May start with a character past TRACKED. */
  other: boolean;
  nullable: boolean;
}

function empty(nullable: boolean): First {
  return { chars: new Uint8Array(TRACKED), other: false, nullable };
}

function addChar(first: First, code: number): void {
  for (const c of [code, ...caseVariants(code)]) {
    if (c < TRACKED) first.chars[c] = 1;
    else first.other = true;
  }
}

function caseVariants(code: number): number[] {
  const s = String.fromCodePoint(code);
  return [s.toLowerCase(), s.toUpperCase()]
    .filter((v) => [...v].length === 1)
    .map((v) => v.codePointAt(0) as number);
}

type SetToken = SetTokens[number];

function inSet(set: SetTokens, code: number): boolean {
  return set.some((t) =>
    t.type === types.CHAR
      ? t.value === code
      : t.type === types.RANGE
        ? code >= t.from && code <= t.to
        : inSet(t.set, code) !== t.not,
  );
}

function setFirst(token: { set: SetToken[]; not: boolean }): First {
  const first = empty(false);
  for (let c = 0; c < TRACKED; c++) {
    if ([c, ...caseVariants(c)].some((v) => inSet(token.set, v)) !== token.not) first.chars[c] = 1;
  }
  // A negated set, or one with a range past the tracked characters, may match others.
  first.other =
    token.not ||
    token.set.some(
      (t) =>
        (t.type === types.RANGE && t.to >= TRACKED) ||
        (t.type === types.CHAR && t.value >= TRACKED),
    );
  return first;
}

function union(into: First, from: First): void {
  for (let c = 0; c < TRACKED; c++) if (from.chars[c]) into.chars[c] = 1;
  into.other ||= from.other;
}

function options(token: Tokens): Token[][] {
  if (token.type !== types.ROOT && token.type !== types.GROUP) return [];
  return token.options ?? (token.stack ? [token.stack] : []);
}

function isLookaround(token: Token): boolean {
  return (
    token.type === types.GROUP &&
    (token.followedBy === true || token.notFollowedBy === true || token.lookBehind === true)
  );
}

function firstOfSequence(tokens: Token[]): First {
  const first = empty(true);
  for (const token of tokens) {
    const next = firstOf(token);
    union(first, next);
    if (!next.nullable) {
      first.nullable = false;
      break;
    }
  }
  return first;
}

function firstOf(token: Token): First {
  switch (token.type) {
    case types.CHAR: {
      const first = empty(false);
      addChar(first, token.value);
      return first;
    }
    case types.SET:
      return setFirst(token as unknown as { set: SetToken[]; not: boolean });
    case types.POSITION:
      return empty(true);
    case types.REFERENCE: {
      const first = empty(true);
      first.chars.fill(1);
      first.other = true;
      return first;
    }
    case types.REPETITION: {
      const first = firstOf(token.value);
      if (token.min === 0) first.nullable = true;
      return first;
    }
    case types.GROUP: {
      if (isLookaround(token)) return empty(true);
      const first = empty(false);
      for (const option of options(token)) {
        const next = firstOfSequence(option);
        union(first, next);
        first.nullable ||= next.nullable;
      }
      return first;
    }
  }
}

function overlap(a: First, b: First): boolean {
  if (a.nullable && b.nullable) return true;
  if (a.other && b.other) return true;
  for (let c = 0; c < TRACKED; c++) if (a.chars[c] && b.chars[c]) return true;
  return false;
}

/** `a` and `b` together: what either can start with; empty only when both can be. */
function merged(a: First, b: First): First {
  const out = empty(a.nullable && b.nullable);
  union(out, a);
  union(out, b);
  return out;
}

/** Whether two pieces can start with the same character. */
function shareChars(a: First, b: First): boolean {
  if (a.other && b.other) return true;
  for (let c = 0; c < TRACKED; c++) if (a.chars[c] && b.chars[c]) return true;
  return false;
}

/**
 * Whether a sequence inside a repetition can split one text two ways: an
 * optional or variable piece (`a?`, `a{1,3}`) whose characters can also
 * start what follows it, the next round of the repetition included (`after`),
 * as in `(a?a)+`, `(a?b?)+` or `(a?){25}`.
 */
function splitsTwoWays(sequence: Token[], after: First): boolean {
  for (let i = 0; i < sequence.length; i++) {
    const token = sequence[i] as Token;
    const rest = firstOfSequence(sequence.slice(i + 1));
    const next = rest.nullable ? merged(rest, after) : rest;
    if (token.type === types.REPETITION) {
      const body = firstOf(token.value);
      if (token.min !== token.max && shareChars(body, next)) return true;
      const inner = merged(body, next);
      if (options(token.value as Tokens).some((option) => splitsTwoWays(option, inner)))
        return true;
    } else if (token.type === types.GROUP && !isLookaround(token)) {
      if (options(token).some((option) => splitsTwoWays(option, next))) return true;
    }
  }
  return false;
}

/** True when the token (or anything inside it) repeats more than once. */
function repeats(token: Token): boolean {
  if (token.type === types.REPETITION)
    return token.max === null || token.max > 1 || repeats(token.value);
  return options(token as Tokens).some((option) => option.some(repeats));
}

const unbounded = (max: number | null): boolean => max === null || max > SMALL_BOUND;

/** Why a pattern may backtrack catastrophically, or undefined when it looks safe. */
export function catastrophicBacktracking(pattern: string): string | undefined {
  let root: Tokens;
  try {
    root = tokenizer(pattern);
  } catch {
    return undefined; // Not ours to judge: the RegExp compile reports bad syntax.
  }
  const stack: Token[] = options(root).flat();
  while (stack.length > 0) {
    const token = stack.pop() as Token;
    if (token.type === types.REPETITION) {
      if (unbounded(token.max)) {
        if (repeats(token.value))
          return 'a repeated part repeats inside itself (nested quantifiers, as in "(a+)+")';
        const alternatives = options(token.value as Tokens).map(firstOfSequence);
        for (let i = 0; i < alternatives.length; i++)
          for (let j = i + 1; j < alternatives.length; j++)
            if (overlap(alternatives[i] as First, alternatives[j] as First))
              return 'a repeated group has alternatives that can match the same text (as in "(a|aa)+")';
        const round = firstOf(token.value);
        const sequences = token.value.type === types.GROUP ? options(token.value) : [[token.value]];
        if (sequences.some((sequence) => splitsTwoWays(sequence, round)))
          return 'a repeated part can split the same text two ways (an optional piece that can match what follows it, as in "(a?a)+")';
      }
      stack.push(token.value);
    } else stack.push(...options(token as Tokens).flat());
  }
  return undefined;
}
