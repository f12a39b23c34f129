import type { ConfigApi } from '@backstage/core-plugin-api';

/** The backend's default schedule (arch-tradeoffs-backend `DEFAULT_SCHEDULE`: every 30 minutes). */
export const DEFAULT_REFRESH_MINUTES = 30;

/**
 * Minutes between the backend's scheduled refreshes. Reads `archTradeoffs.refresh.schedule.frequency`
 * when the app config lets the frontend see it (`{ minutes, hours }`), else the backend's default.
 * A cron or ISO-duration frequency gives undefined: the 404 message then names no figure rather than
 * a wrong one.
 */
export function refreshIntervalMinutes(config: ConfigApi): number | undefined {
  const schedule = config.getOptionalConfig('archTradeoffs.refresh.schedule');
  if (!schedule) return DEFAULT_REFRESH_MINUTES;
  const frequency = schedule.getOptional('frequency');
  if (!frequency || typeof frequency !== 'object') return undefined;
  const { minutes = 0, hours = 0 } = frequency as {
    minutes?: unknown;
    hours?: unknown;
  };
  const total = Number(minutes) + Number(hours) * 60;
  return Number.isFinite(total) && total > 0 ? total : undefined;
}
