/*
 * Request-rate shapes for synthetic metrics: functions of unix time (seconds) that also know their
 * exact integral, so the request counts written for a step are the requests the shape describes, even
 * when a spike is shorter than the step. Deterministic: the "random" parts come from a seeded hash.
 */

/** Requests per second at unix time `t`, and the exact number of requests between two times. */
export interface RateShape {
  (t: number): number;
  integrate(from: number, to: number): number;
}

const DAY = 86_400;
const HOUR = 3_600;

function shape(rate: (t: number) => number, integrate: (from: number, to: number) => number): RateShape {
  return Object.assign(rate, { integrate });
}

/**
 * Requests between `from` and `to` for any rate function: its exact integral when it is a
 * {@link RateShape}, otherwise the midpoint rule on sub-steps of at most 10 s.
 */
export function requestsBetween(rps: (t: number) => number, from: number, to: number): number {
  const exact = (rps as Partial<RateShape>).integrate;
  if (exact) return exact(from, to);
  const parts = Math.max(1, Math.ceil((to - from) / 10));
  const width = (to - from) / parts;
  let total = 0;
  for (let i = 0; i < parts; i++) total += rps(from + (i + 0.5) * width) * width;
  return total;
}

/** A 32-bit hash of integers (murmur3's finaliser over each): the seed of every pseudo-random choice. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h ^= Math.imul((value | 0) ^ Math.floor(value / 2 ** 32), 0xcc9e2d51);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Length of the overlap of [a, b) and [c, d). */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/**
 * The same rate all the time. `noise` (0–1) varies it by up to ± that share, piecewise constant per
 * minute (a fixed pseudo-random factor for each minute), so the mean stays close to `rps`.
 */
export function steady(rps: number, noise = 0, seed = 1): RateShape {
  const factor = (minute: number) => (noise ? 1 + noise * ((2 * hash32(seed, minute)) / 2 ** 32 - 1) : 1);
  return shape(
    t => rps * factor(Math.floor(t / 60)),
    (from, to) => {
      if (!noise) return rps * (to - from);
      let total = 0;
      for (let minute = Math.floor(from / 60); minute * 60 < to; minute++) {
        total += rps * factor(minute) * overlap(from, to, minute * 60, minute * 60 + 60);
      }
      return total;
    },
  );
}

/**
 * A smooth 24-hour cycle (a cosine) whose daily mean is `meanRps`, busiest at `peakHourUtc` and
 * quietest twelve hours later at `minShare` of the peak rate (0 = idle at night, 1 = flat).
 */
export function diurnal(meanRps: number, options: { peakHourUtc: number; minShare: number }): RateShape {
  const amplitude = (1 - options.minShare) / (1 + options.minShare);
  const phase = (t: number) => (2 * Math.PI * (t - options.peakHourUtc * HOUR)) / DAY;
  return shape(
    t => meanRps * (1 + amplitude * Math.cos(phase(t))),
    (from, to) =>
      meanRps * (to - from + ((amplitude * DAY) / (2 * Math.PI)) * (Math.sin(phase(to)) - Math.sin(phase(from)))),
  );
}

/**
 * `baseRps` with bursts of `spikeRps` (the rate during a burst, not an addition) lasting
 * `spikeSeconds`, `spikesPerDay` times a day (a fraction gives some days one more) at pseudo-random
 * times drawn per UTC day from `seed`. Bursts stay within their day; overlapping ones merge.
 */
export function spiky(
  baseRps: number,
  options: { spikeRps: number; spikesPerDay: number; spikeSeconds: number; seed: number },
): RateShape {
  const { spikeRps, spikesPerDay, spikeSeconds, seed } = options;
  const spikesOf = (day: number): Array<[number, number]> => {
    const random = seededRandom(hash32(seed, day));
    const count = Math.floor(spikesPerDay) + (random() < spikesPerDay % 1 ? 1 : 0);
    const starts = Array.from({ length: count }, () => day * DAY + Math.floor(random() * (DAY - spikeSeconds)));
    const merged: Array<[number, number]> = [];
    for (const start of starts.sort((a, b) => a - b)) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], start + spikeSeconds);
      else merged.push([start, start + spikeSeconds]);
    }
    return merged;
  };
  const spikeSecondsBetween = (from: number, to: number) => {
    let total = 0;
    for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
      for (const [start, end] of spikesOf(day)) total += overlap(from, to, start, end);
    }
    return total;
  };
  return shape(
    t => (spikesOf(Math.floor(t / DAY)).some(([start, end]) => t >= start && t < end) ? spikeRps : baseRps),
    (from, to) => baseRps * (to - from) + (spikeRps - baseRps) * spikeSecondsBetween(from, to),
  );
}

/**
 * A nightly (or daily) job: `rpsWhileRunning` from `startHourUtc` for `hours` hours every day (it may
 * run past midnight), nothing otherwise.
 */
export function batch(rpsWhileRunning: number, options: { startHourUtc: number; hours: number }): RateShape {
  const length = options.hours * HOUR;
  const runningSecondsBetween = (from: number, to: number) => {
    let total = 0;
    // The run that started the day before may still be going at the start of `from`'s day.
    for (let day = Math.floor(from / DAY) - 1; day * DAY < to; day++) {
      const start = day * DAY + options.startHourUtc * HOUR;
      total += overlap(from, to, start, start + length);
    }
    return total;
  };
  return shape(
    t => (runningSecondsBetween(t, t + 1e-6) > 0 ? rpsWhileRunning : 0),
    (from, to) => rpsWhileRunning * runningSecondsBetween(from, to),
  );
}
