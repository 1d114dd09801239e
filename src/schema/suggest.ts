/** Edit distance between two short strings (Levenshtein, two rows). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    let score = distance(needle, hay);
    if (hay.startsWith(needle) || needle.startsWith(hay))
      score = Math.min(score, 1 + Math.abs(hay.length - needle.length) / 4);
    if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  const limit = Math.max(2, Math.ceil(needle.length * 0.4));
  return bestScore <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = nearest(input, candidates);
  return match ? `; did you mean "${match}"?` : '';
}

/**
 * The one candidate a value clearly means, for an automatic fix: the same
 * apart from case, spaces and punctuation, or else the single nearest within
 * two edits (no fix when two candidates are equally near). `sameAs` names
 * what a candidate stands for, when several spellings stand for one answer
 * (a statement's id, title and aliases): spellings of one answer never tie.
 */
export function clearMatch(
  input: string,
  candidates: readonly string[],
  sameAs: (candidate: string) => string = (c) => c,
): string | undefined {
  const fold = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const one = (found: readonly string[]): boolean => new Set(found.map(sameAs)).size === 1;
  const same = candidates.filter((c) => fold(c) === fold(input));
  if (same.length > 0 && one(same)) return same[0];
  const scored = candidates.map(
    (c) => [c, distance(input.toLowerCase(), c.toLowerCase())] as const,
  );
  const best = Math.min(...scored.map(([, d]) => d));
  const winners = scored.filter(([, d]) => d === best).map(([c]) => c);
  return best <= 2 && best < input.length / 2 && one(winners) ? winners[0] : undefined;
}
