import {
  MAX_DAILY_SWING,
  TrafficPattern,
  TrafficShape,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** An hour with less than this share of the busiest hour's traffic counts as idle. */
const IDLE_SHARE_OF_BUSIEST = 0.05;
/** Half the day or more idle: the work is done in runs (a nightly job, a weekly export). */
const BATCH_IDLE_SHARE = 0.5;
/**
 * Spiky: the busiest 5 minutes are far above the mean, and far above even the busiest hour's mean, so
 * the peaks are short bursts rather than a busy part of the day.
 */
const SPIKY_PEAK_TO_MEAN = 4;
const SPIKY_PEAK_TO_BUSIEST_HOUR = 2;
/** Diurnal: the busiest hour of the day carries at least twice the quietest's traffic. */
const DIURNAL_SWING = 2;

/**
 * Classifies a component's traffic from its mean rate per hour of the day and its busiest 5 minutes.
 * Returns the pattern with the figures it was decided by, so the call can be checked.
 * Thresholds are design choices (see the constants), tested on generated steady, diurnal, spiky
 * and batch traffic.
 */
export function classifyTraffic(hourlyRps: readonly number[], meanRps: number, peakRps: number | undefined): TrafficShape {
  const busiest = Math.max(...hourlyRps);
  const quietest = Math.min(...hourlyRps);
  const idleHours = hourlyRps.filter(r => r < busiest * IDLE_SHARE_OF_BUSIEST).length;
  const idleShare = busiest > 0 ? idleHours / hourlyRps.length : 1;
  const dailySwing = quietest > 0 ? Math.min(MAX_DAILY_SWING, busiest / quietest) : MAX_DAILY_SWING;
  const peakToMean = meanRps > 0 && peakRps !== undefined ? peakRps / meanRps : 1;
  const busiestHourToMean = meanRps > 0 ? busiest / meanRps : 1;

  let pattern: TrafficPattern = 'steady';
  if (idleShare >= BATCH_IDLE_SHARE) pattern = 'batch';
  else if (peakToMean >= SPIKY_PEAK_TO_MEAN && peakToMean >= SPIKY_PEAK_TO_BUSIEST_HOUR * busiestHourToMean) pattern = 'spiky';
  else if (dailySwing >= DIURNAL_SWING) pattern = 'diurnal';

  return {
    hourlyRps: hourlyRps.map(round3),
    pattern,
    peakToMean: round3(peakToMean),
    dailySwing: round3(dailySwing),
    idleShare: round3(idleShare),
  };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
