import { parseEntityRef } from '@backstage/catalog-model';
import type {
  SuggestionRecord,
  SuggestionStatus,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

export type StatusFilter = SuggestionStatus | 'all';

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'snoozed', label: 'Snoozed' },
];

export function componentName(record: SuggestionRecord): string {
  try {
    return parseEntityRef(record.entityRef).name;
  } catch {
    return record.entityRef;
  }
}

/** The date part of an ISO timestamp, as the user picked it. */
function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/** "Open", "Accepted by user:default/guest", "Dismissed by …: reason", "Snoozed until … by …". */
export function statusText(record: SuggestionRecord): string {
  const d = record.decision;
  if (record.status === 'open' || !d) return 'Open';
  switch (record.status) {
    case 'accepted':
      return `Accepted by ${d.decidedBy}`;
    case 'dismissed':
      return `Dismissed by ${d.decidedBy}${d.reason ? `: ${d.reason}` : ''}`;
    case 'snoozed':
      return `Snoozed until ${d.snoozeUntil ? day(d.snoozeUntil) : '?'} by ${d.decidedBy}`;
    default:
      return record.status;
  }
}

/** The name part of a user ref ("user:default/guest" → "guest"). */
function userName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** A short date for a table cell: "Nov 23" this year, "Nov 23, 2025" otherwise. */
function shortDay(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/**
 * The status as a table cell shows it: a one-word label, then who and when ("guest · Nov 23"), then
 * the reason of a dismissal. `statusText` is the full sentence behind it.
 */
export function statusSummary(record: SuggestionRecord): {
  label: string;
  detail?: string;
  reason?: string;
} {
  const d = record.decision;
  if (record.status === 'open' || !d) return { label: 'Open' };
  const who = userName(d.decidedBy);
  switch (record.status) {
    case 'accepted':
      return { label: 'Accepted', detail: `${who} · ${shortDay(d.decidedAt)}` };
    case 'dismissed':
      return { label: 'Dismissed', detail: `${who} · ${shortDay(d.decidedAt)}`, reason: d.reason };
    case 'snoozed':
      return {
        label: 'Snoozed',
        detail: `until ${d.snoozeUntil ? shortDay(d.snoozeUntil) : '?'} · ${who}`,
      };
    default:
      return { label: record.status };
  }
}

/** Today as `YYYY-MM-DD` in the user's time zone (what a date input holds). */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date input's value as the start of that day, local time, in ISO 8601. */
export function inputToIso(value: string): string {
  return new Date(`${value}T00:00:00`).toISOString();
}
