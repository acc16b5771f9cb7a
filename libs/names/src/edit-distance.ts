/** Reused rows: distances are computed on short keys, one call at a time. */
let previous2 = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of adjacent characters, each costing 1).
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  if (previous.length < width) {
    previous2 = new Int32Array(width * 2);
    previous = new Int32Array(width * 2);
    current = new Int32Array(width * 2);
  }
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === cb &&
        (previous2[j - 2] as number) + 1 < best
      ) {
        best = (previous2[j - 2] as number) + 1;
      }
      current[j] = best;
    }
    const rotated = previous2;
    previous2 = previous;
    previous = current;
    current = rotated;
  }
  return previous[b.length] as number;
}

/** Similarity in [0, 1]: 1 - distance / length of the longer string (1 for two empty strings). */
export function keySimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - damerauLevenshtein(a, b) / longer;
}
