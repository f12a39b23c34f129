/**
 * Benchmark: parse + assess 50,000 mixed workloads on one core with a prepared price book.
 * Target: all 50,000 in under 0.5 s (10 µs each) on the refresh's path (`assessFigures`: the figures a
 * snapshot stores). Also timed: the full assessment (`assessWorkload`, what one entity's page shows)
 * and the full assessment serialised, as the entity page receives it. The checksums include a SHA-256
 * of every assessment's JSON, to compare engine versions.
 *
 * Run: npm run bench   (node --require @backstage/cli-node/config/nodeTransform.cjs bench/assess.bench.ts)
 */
/* eslint-disable no-console */ // a benchmark reports on the console
import { performance } from 'node:perf_hooks';
import { ANNOTATIONS } from '../src/annotations';
import { createHash } from 'node:crypto';
import { assessFigures, createAssessor } from '../src/engine';
import type { Assessment, MonthlyCost, Suggestion } from '../src/model/assessment';
import { createPriceBook } from '../src/prices';
import {
  ARCHITECTURES,
  CONNECTION_KINDS,
  PLATFORMS,
  RUNTIMES,
  STATE_KINDS,
  TRAFFIC_PATTERNS,
} from '../src/model/settings';
import { parseArchAnnotations } from '../src/parse/parseAnnotations';

const COUNT = 50_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Log-uniform number between lo and hi. */
function logUniform(random: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo)));
}

function buildWorkloads(): Array<Record<string, string>> {
  const random = prng(20261123);
  const out: Array<Record<string, string>> = [];
  const ec2Types = [
    't4g.small',
    't3.medium',
    'm6i.large',
    'm7g.large',
    'c7g.large',
  ];
  for (let i = 0; i < COUNT; i++) {
    const platform = PLATFORMS[i % PLATFORMS.length];
    const a: Record<string, string> = { [ANNOTATIONS.platform]: platform };
    const duration = logUniform(random, 2, 20_000);
    a[ANNOTATIONS.monthlyRequests] = String(
      Math.round(logUniform(random, 1e3, 1e10)),
    );
    a[ANNOTATIONS.avgDurationMs] = duration.toFixed(1);
    if (random() < 0.7)
      a[ANNOTATIONS.cpuMs] = (duration * (0.05 + 0.95 * random())).toFixed(1);
    if (random() < 0.8)
      a[ANNOTATIONS.memoryMb] = String(
        pick(random, [128, 256, 512, 1024, 1769, 2048, 4096, 10240]),
      );
    if (random() < 0.6)
      a[ANNOTATIONS.vcpu] = String(pick(random, [0.25, 0.5, 1, 2, 4]));
    if (random() < 0.5)
      a[ANNOTATIONS.architecture] = pick(random, ARCHITECTURES);
    if (random() < 0.7)
      a[ANNOTATIONS.trafficPattern] = pick(random, TRAFFIC_PATTERNS);
    if (random() < 0.5)
      a[ANNOTATIONS.instances] = String(Math.floor(random() * 6));
    if (random() < 0.4)
      a[ANNOTATIONS.maxInstances] = String(10 + Math.floor(random() * 200));
    if (platform === 'aws-ec2' && random() < 0.8)
      a[ANNOTATIONS.instanceType] = pick(random, ec2Types);
    if (random() < 0.5)
      a[ANNOTATIONS.latencySloMs] = String(
        pick(random, [50, 100, 300, 1000, 5000]),
      );
    if (random() < 0.5)
      a[ANNOTATIONS.maxDurationS] = String(
        pick(random, [1, 30, 300, 1200, 4000]),
      );
    if (random() < 0.7) a[ANNOTATIONS.runtime] = pick(random, RUNTIMES);
    if (random() < 0.2)
      a[ANNOTATIONS.connections] = pick(random, CONNECTION_KINDS);
    if (random() < 0.2) a[ANNOTATIONS.state] = pick(random, STATE_KINDS);
    out.push(a);
  }
  return out;
}

/** Characters of a suggestion's id, title and reasons (the refresh stores its JSON). */
function suggestionChars(suggestion: Suggestion | null): number {
  if (!suggestion) return 0;
  let chars = suggestion.id.length + suggestion.title.length;
  for (const reason of suggestion.reasons) chars += reason.length;
  return chars;
}

/** Reads every part of an assessment, so all of it is computed. Returns the characters of its texts. */
function readEverything(a: Assessment): number {
  const costChars = (cost: MonthlyCost) => {
    let chars = cost.low + cost.high >= 0 ? 0 : 1;
    for (const line of cost.breakdown) chars += line.detail.length;
    return chars;
  };
  let chars = costChars(a.monthlyCost) + a.breakEven.message.length;
  for (const alternative of a.alternatives) {
    if (alternative.monthlyCost) chars += costChars(alternative.monthlyCost);
    for (const text of alternative.notes) chars += text.length;
    for (const text of alternative.infeasible) chars += text.length;
  }
  chars += a.posture.coldStart.message.length;
  for (const flag of a.posture.flags) chars += flag.message.length;
  for (const assumption of a.assumptions) chars += assumption.reason.length;
  if (a.suggestion)
    for (const reason of a.suggestion.reasons) chars += reason.length;
  return chars;
}

const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const workloads = buildWorkloads();
  const priceBook = createPriceBook();
  const assess = createAssessor({ priceBook });
  const ref = (i: number) => `component:default/w${i}`;

  const refreshPath = () => {
    let total = 0;
    let suggestions = 0;
    let chars = 0;
    for (let i = 0; i < workloads.length; i++) {
      const figures = assessFigures(ref(i), parseArchAnnotations(workloads[i]), { priceBook });
      if (!figures) continue;
      total += figures.monthlyCost + figures.cheapestOnProvider;
      if (figures.suggestion) suggestions++;
      chars += suggestionChars(figures.suggestion);
    }
    return { total, suggestions, chars };
  };
  const fullPath = () => {
    let chars = 0;
    for (let i = 0; i < workloads.length; i++) {
      const assessment = assess(ref(i), parseArchAnnotations(workloads[i]));
      if (assessment) chars += readEverything(assessment);
    }
    return chars;
  };
  const jsonPath = () => {
    const hash = createHash('sha256');
    let chars = 0;
    for (let i = 0; i < workloads.length; i++) {
      const json = JSON.stringify(assess(ref(i), parseArchAnnotations(workloads[i])));
      chars += json.length;
      hash.update(json);
    }
    return { chars, sha256: hash.digest('hex') };
  };

  // Warm-up: let the JIT compile every path.
  refreshPath();
  fullPath();
  jsonPath();

  // The machine may be shared: report the best and the median of several rounds.
  const parseMs: number[] = [];
  const refreshMs: number[] = [];
  const fullMs: number[] = [];
  const jsonMs: number[] = [];
  let refresh = refreshPath();
  let every = 0;
  let whole = { chars: 0, sha256: '' };
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    for (const w of workloads) parseArchAnnotations(w);
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    refresh = refreshPath();
    refreshMs.push(performance.now() - t0);
    t0 = performance.now();
    every = fullPath();
    fullMs.push(performance.now() - t0);
    t0 = performance.now();
    whole = jsonPath();
    jsonMs.push(performance.now() - t0);
  }

  const us = (ms: number) => ((ms * 1000) / COUNT).toFixed(2);
  const row = (label: string, ms: number[]) =>
    console.log(
      `${label.padEnd(36)} best ${Math.min(...ms).toFixed(1)} ms (${us(Math.min(...ms))} µs each), median ${median(ms).toFixed(1)} ms (${us(median(ms))} µs each)`,
    );
  const line = (label: string, value: string) =>
    console.log(`${label.padEnd(36)} ${value}`);
  const best = Math.min(...refreshMs);
  line('workloads:', `${COUNT} (${ROUNDS} rounds after a warm-up)`);
  row('parse only:', parseMs);
  row('parse + stored figures (refresh):', refreshMs);
  row('parse + full assessment:', fullMs);
  row('parse + full assessment + JSON:', jsonMs);
  line('figures/second:', `${Math.round((COUNT / best) * 1000)} (best round, refresh path)`);
  line('with a suggestion:', String(refresh.suggestions));
  line('sum of stored costs:', `${refresh.total.toFixed(0)} USD/month (checksum)`);
  line('suggestion texts:', `${refresh.chars} characters (checksum)`);
  line('texts of every part:', `${every} characters (checksum)`);
  line('whole assessments JSON:', `${whole.chars} characters, sha256 ${whole.sha256}`);
  line(
    'target (< 500 ms):',
    `${best < 500 ? 'met' : 'NOT met'} (best round, parse + stored figures)`,
  );
}

main();
