/** A 0–100 score as shown everywhere; null (nothing to measure) is a dash, not a zero. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined
    ? '—'
    : String(Math.round(score));
}
