// Ranking maths, kept pure so the tests can check it by hand.

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

// One review's score: the weighted mean of its category scores.
export function weightedScore(scores: { value: number; weight: number }[]) {
  const totalWeight = scores.reduce((sum, s) => sum + s.weight, 0);
  if (totalWeight === 0) return null;
  return scores.reduce((sum, s) => sum + s.value * s.weight, 0) / totalWeight;
}

export function mean(values: number[]) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function median(values: number[]) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Unreviewed stories go last; ties keep the earlier submission first.
export function byScore<T extends { mean: number | null }>(rows: T[]) {
  return [...rows].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
}
