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
