import type {
  Decision,
  SuggestionStatus,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** A suggestion's status under its decision: a snooze that has run out makes it open again. */
export function suggestionStatus(
  decision: Decision | undefined,
  now: Date,
): SuggestionStatus {
  if (!decision) return 'open';
  if (
    decision.decision === 'snoozed' &&
    (!decision.snoozeUntil || Date.parse(decision.snoozeUntil) <= now.getTime())
  ) {
    return 'open';
  }
  return decision.decision;
}
