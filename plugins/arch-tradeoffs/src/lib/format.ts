import type { UsageSourceHealth } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * Number formatting shared by every view, so a cost reads the same on the map, the cards and the
 * planner. The currency is the one the backend priced in (`archTradeoffs.pricing.currency`).
 */
// Formatters kept per currency and precision: building an Intl.NumberFormat costs far more than
// formatting with one, and the map and the lists format tens of thousands of figures per render.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, maximumFractionDigits: number) {
  const key = `${currency}:${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        maximumFractionDigits,
      });
    } catch {
      // Not an ISO 4217 code: print the number with the code after it rather than fail.
      const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits });
      format = { format: (n: number) => `${plain.format(n)} ${currency}` } as Intl.NumberFormat;
    }
    formatters.set(key, format);
  }
  return format;
}

/** A monthly amount: whole units from 100 up, cents below. */
export function formatCost(amount: number, currency: string): string {
  return formatter(currency, Math.abs(amount) >= 100 ? 0 : 2).format(amount);
}

/** A low–high range, collapsed to one figure when both ends round the same. */
export function formatCostRange(low: number, high: number, currency: string): string {
  const a = formatCost(low, currency);
  const b = formatCost(high, currency);
  return a === b ? a : `${a} – ${b}`;
}

/** Request counts: 25,000,000 → 25M. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(undefined, {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Seconds since an ISO 8601 instant (a snapshot's `createdAt`): responses carry when, not how long ago. */
export function secondsSince(instant: string, now: number = Date.now()): number {
  return Math.max(0, (now - Date.parse(instant)) / 1000);
}

/** A snapshot's age as people say it: 42 → "42 s ago", 180 → "3 min ago", 7200 → "2 h ago", 2 days. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86400);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** How each usage source is named in the UI (the wire carries its id). */
export const USAGE_SOURCE_LABELS: Record<UsageSourceHealth['source'], string> = {
  prometheus: 'Prometheus',
};
