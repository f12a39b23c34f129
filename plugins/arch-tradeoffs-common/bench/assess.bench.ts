/**
 * Benchmark: parse + assess 50,000 mixed workloads on one core with a prepared assessor.
 * Target: all 50,000 in under 0.5 s (10 µs each), reading what the backend's refresh reads.
 *
 * An assessment computes some of its parts on first read (break-even, cost ranges and breakdowns,
 * reasons and notes): the refresh stores a few figures per component and the suggestion's JSON, and
 * the rest is derived again when one entity is opened. So the target row reads exactly what the
 * refresh reads; two more rows read every part of every assessment (all it computes), and serialise
 * every assessment whole, as the entity page receives it.
 *
 * Run: npm run bench   (node --require @backstage/cli-node/config/nodeTransform.cjs bench/assess.bench.ts)
 */
/* eslint-disable no-console */ // a benchmark reports on the console
import { performance } from 'node:perf_hooks';
import { ANNOTATIONS } from '../src/annotations';
import { createAssessor } from '../src/engine';
import { PLATFORM_TRAITS } from '../src/engine/platforms';
import type { Assessment, MonthlyCost } from '../src/model/assessment';
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

/**
 * What the backend's refresh reads of an assessment (plugins/arch-tradeoffs-backend, storedComponent.ts
 * and SnapshotStore.ts): the expected cost, the cheapest feasible alternative's expected cost on the
 * same cloud provider, whether a posture flag is a risk, and the suggestion with its reasons (which it
 * stores). Serialising the suggestion is the store's work, timed by the backend's refresh bench.
 * Returns the characters of the suggestion's id, title and reasons.
 */
function readAsRefresh(a: Assessment): number {
  const provider = PLATFORM_TRAITS[a.platform].provider;
  let best = a.monthlyCost.expected;
  for (const alternative of a.alternatives) {
    if (
      PLATFORM_TRAITS[alternative.platform].provider === provider &&
      alternative.feasible &&
      alternative.monthlyCost
    )
      best = Math.min(best, alternative.monthlyCost.expected);
  }
  let risk = false;
  for (const flag of a.posture.flags) if (flag.severity !== 'info') risk = true;
  let chars = (risk ? 1 : 0) + (best >= 0 ? 0 : 1);
  const suggestion = a.suggestion;
  if (suggestion) {
    chars += suggestion.id.length + suggestion.title.length;
    for (const reason of suggestion.reasons) chars += reason.length;
  }
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

type ReadMode = 'refresh' | 'every part' | 'JSON';

interface Totals {
  suggestions: number;
  total: number;
  /** Characters read (see the read functions). */
  chars: number;
}

function run(
  workloads: Array<Record<string, string>>,
  assess: ReturnType<typeof createAssessor>,
  mode: ReadMode,
): Totals {
  let suggestions = 0;
  let total = 0;
  let chars = 0;
  for (let i = 0; i < workloads.length; i++) {
    const assessment = assess(
      `component:default/w${i}`,
      parseArchAnnotations(workloads[i]),
    );
    if (assessment) {
      total += assessment.monthlyCost.expected;
      if (assessment.suggestion) suggestions++;
      if (mode === 'refresh') chars += readAsRefresh(assessment);
      else if (mode === 'every part') chars += readEverything(assessment);
      else chars += JSON.stringify(assessment).length;
    }
  }
  return { suggestions, total, chars };
}

const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const workloads = buildWorkloads();
  const assess = createAssessor();

  // Warm-up: let the JIT compile the hot paths (every read mode's).
  run(workloads, assess, 'refresh');
  run(workloads, assess, 'every part');
  run(workloads, assess, 'JSON');

  // Several rounds of: parse alone, assess alone (pre-parsed), parse + assess as the refresh reads
  // it, with every part read, and serialised whole. The machine may be shared, so report the best
  // and the median round.
  const parseMs: number[] = [];
  const assessMs: number[] = [];
  const totalMs: number[] = [];
  const everyMs: number[] = [];
  const fullMs: number[] = [];
  let refresh: Totals = { suggestions: 0, total: 0, chars: 0 };
  let every: Totals = refresh;
  let whole: Totals = refresh;
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    const parsed = workloads.map(w => parseArchAnnotations(w));
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    for (let i = 0; i < parsed.length; i++) {
      const assessment = assess(`component:default/w${i}`, parsed[i]);
      if (assessment) readAsRefresh(assessment);
    }
    assessMs.push(performance.now() - t0);
    t0 = performance.now();
    refresh = run(workloads, assess, 'refresh');
    totalMs.push(performance.now() - t0);
    t0 = performance.now();
    every = run(workloads, assess, 'every part');
    everyMs.push(performance.now() - t0);
    t0 = performance.now();
    whole = run(workloads, assess, 'JSON');
    fullMs.push(performance.now() - t0);
  }

  const us = (ms: number) => ((ms * 1000) / COUNT).toFixed(2);
  const row = (label: string, ms: number[]) =>
    console.log(
      `${label.padEnd(32)} best ${Math.min(...ms).toFixed(1)} ms (${us(Math.min(...ms))} µs each), median ${median(ms).toFixed(1)} ms (${us(median(ms))} µs each)`,
    );
  const best = Math.min(...totalMs);
  const line = (label: string, value: string) =>
    console.log(`${label.padEnd(32)} ${value}`);
  line('workloads:', `${COUNT} (${ROUNDS} rounds after a warm-up)`);
  row('parse only:', parseMs);
  row('assess only (refresh reads):', assessMs);
  row('parse + assess (refresh reads):', totalMs);
  row('parse + assess, every part:', everyMs);
  row('parse + assess + whole JSON:', fullMs);
  line(
    'assessments/second:',
    `${Math.round((COUNT / best) * 1000)} (best round, parse + assess, refresh reads)`,
  );
  line('with a suggestion:', String(refresh.suggestions));
  line(
    'sum of expected costs:',
    `${refresh.total.toFixed(0)} USD/month (checksum)`,
  );
  line('suggestion texts:', `${refresh.chars} characters (checksum)`);
  line('texts of every part:', `${every.chars} characters (checksum)`);
  line('whole assessments JSON:', `${whole.chars} characters (checksum)`);
  line(
    'target (< 500 ms):',
    `${best < 500 ? 'met' : 'NOT met'} (best round, parse + assess, refresh reads)`,
  );
}

main();
