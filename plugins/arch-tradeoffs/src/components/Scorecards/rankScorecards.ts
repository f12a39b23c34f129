import type { TeamScorecard } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * Best aggregated score first; teams with nothing to score last; ties by name so the order is stable
 * between refreshes. The backend ranks the same way, this keeps the table right whatever it sends.
 */
export function rankScorecards(items: TeamScorecard[]): TeamScorecard[] {
  const score = (t: TeamScorecard) =>
    t.aggregated.score ?? Number.NEGATIVE_INFINITY;
  return [...items].sort(
    (a, b) => score(b) - score(a) || a.groupRef.localeCompare(b.groupRef),
  );
}
