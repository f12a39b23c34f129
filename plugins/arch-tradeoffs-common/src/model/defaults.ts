import type { TrafficPattern } from './settings';

/**
 * Seconds in the month every estimate uses: 730 h, the convention of the AWS calculator and Infracost
 * (reference/cloud-economics.md, preamble).
 * @public
 */
export const SECONDS_PER_MONTH = 730 * 3600;

/** Hours in a billing month. @internal */
export const HOURS_PER_MONTH = 730;

/**
 * Peak-to-average request-rate ratio assumed for each traffic pattern when `peak-rps` is not stated.
 * Design assumptions (not published figures): steady traffic varies little; diurnal user traffic peaks at
 * about three times its daily mean; webhooks and other event bursts arrive in short spikes; a nightly
 * batch does a day's work in about three hours.
 * @internal
 */
export const PEAK_TO_AVERAGE: Readonly<Record<TrafficPattern, number>> = Object.freeze({
  steady: 1.5,
  diurnal: 3,
  spiky: 10,
  batch: 8,
});
