import type {
  Level,
  Posture,
  Suggestion,
} from '../model/assessment';
import type {
  ExecutionModel,
  Platform,
  SettingField,
  WorkloadSettings,
} from '../model/settings';
import { formatMb as mb, formatQuantity as q } from '../prices/format';
import type { PriceBook } from '../prices/types';
import { warmServedSum } from './capacity';
import { coldStartP99 } from './coldStarts';
import {
  CLOUD_RUN_INSTANCE_BILLING_BUSY,
  IDLE_UTILISATION,
  IO_BOUND_RATIO,
  MIN_MIGRATION_SAVINGS_FRACTION,
  MIN_MIGRATION_SAVINGS_USD,
  MIN_SAVINGS_FRACTION,
  MIN_SAVINGS_USD,
  MONTH_SECONDS,
  PC_BREAK_EVEN_UTILISATION,
  PROFILE_HOURS,
} from './constants';
import { costBounds, costOnly, type CostBounds } from './estimate';
import { ESTIMATORS } from './estimators';
import { suggestionId } from './ids';
import { PLATFORM_NAMES } from './names';
import { PLATFORM_TRAITS } from './platforms';
import { provisionedUtilisation } from './posture';
import { EXPECTED_FACTORS, ScenarioFactors } from './traffic';
import type { SizedWorkload } from './types';
import { variantOf } from './sizing';
import type { FieldSet } from './fields';

/**
 * Migration rules (cloud-economics.md §6). Hard constraints first: when the current platform breaks a
 * hard limit, the only suggestion is the cheapest platform that does not. Otherwise the economic rules
 * each propose a target, a candidate counts only when it saves enough (a configuration change at least
 * 10 % and $5 a month, a migration at least 25 % and $20: see constants.ts; below that the current
 * choice is already the best), and the largest saving wins — unless a same-platform configuration change
 * saves at least half as much, which then wins for its far lower effort. Cold-start-vs-objective comes last because it
 * costs money rather than saving it. At most one suggestion per component.
 *
 * Rule ids (stable; they feed the suggestion id):
 *  - `serverless-ruled-out` (H1–H4): a FaaS breaks duration, memory, connection or state limits.
 *  - `hard-limit`: the same for a non-FaaS platform (e.g. Cloud Run scaled to zero with in-memory state).
 *  - `idle-always-on-to-on-demand` (E1): fleet utilisation < 40 % → on-demand.
 *  - `hot-on-demand-to-always-on` (E2): on-demand costs more than an always-on fleet.
 *  - `io-bound-to-multi-concurrency` (E3): wall ÷ CPU ≥ 3 at steady load on a one-request-per-
 *    environment FaaS → a platform that serves many requests per instance.
 *  - `underused-provisioned-concurrency` (E4): PC / always-ready utilisation < 60 %.
 *  - `cloud-run-billing-mode` (E5): busy fraction > 75 % → instance-based billing (or back).
 *  - `front-door-cost` (E7): API Gateway REST costs more than the compute → HTTP API.
 *  - `cold-start-vs-slo` (E6): cold-start p99 + duration over the latency objective.
 */

/** One (platform, model) the workload was priced on. @public */
export interface PlatformOption {
  platform: Platform;
  model: ExecutionModel;
  /** The workload sized for it; absent when it cannot be sized there at all. */
  sized?: SizedWorkload;
  /** `sized` is set and no hard constraint is broken. */
  feasible: boolean;
  /** Hard-constraint violations; empty when feasible. */
  reasons: string[];
  /** The expected monthly cost; 0 when infeasible. */
  expected: number;
}

/** @public */
export interface Relations {
  dependsOn?: number;
  providesApis?: number;
}

/** Everything the migration rules look at. @public */
export interface SuggestionInput {
  entityRef: string;
  settings: WorkloadSettings;
  current: SizedWorkload;
  currentCost: CostBounds;
  currentInfeasible: string[];
  /** The options to compare: the own provider's at least (the rules look no further but for a hard limit). */
  options: PlatformOption[];
  /**
   * The other providers' options, asked for only by a hard limit that finds nothing feasible in
   * `options` (so a caller may price them only then). Without it, `options` is searched again, so a
   * caller may simply list every option there.
   */
  otherProviders?: () => PlatformOption[];
  posture: Posture;
  priceBook: PriceBook;
  range: { low: ScenarioFactors; high: ScenarioFactors };
  defaulted: FieldSet;
  confidence: Level;
  relations?: Relations;
}

interface Candidate {
  rule: string;
  title: string;
  target: SizedWorkload;
  /** The target's expected monthly cost: candidates are compared on it. */
  expected: number;
  /** Plain-language reasons, built only for the candidate that wins. */
  reasons: () => string[];
  /** Same platform, only configuration changes. */
  configOnly: boolean;
}

const LEVELS: Level[] = ['low', 'medium', 'high'];

/** A same-platform configuration change wins while it saves at least this share of the best migration. */
const CONFIG_CHANGE_SHARE = 0.5;

function shift(level: Level, by: number): Level {
  const i = LEVELS.indexOf(level) + by;
  return LEVELS[Math.min(2, Math.max(0, i))];
}

/** True when the target would put cold starts over the latency objective. */
function breaksSlo(settings: WorkloadSettings, sized: SizedWorkload): boolean {
  if (settings.latencySloMs === undefined) return false;
  const faas = PLATFORM_TRAITS[sized.platform].kind === 'faas';
  if (!faas && sized.instances > 0) return false;
  const cold = coldStartP99(
    sized.platform,
    settings.runtime,
    sized.architecture,
  );
  if (!cold) return false;
  if (
    sized.instances > 0 &&
    (sized.peakRps * sized.durationMs) / 1000 <=
      sized.instances * sized.concurrency
  )
    return false;
  return cold.p99Ms + sized.durationMs > settings.latencySloMs;
}

/** The cheapest feasible option `accept` takes, on `provider` when one is given. */
function cheapestWhere(
  options: PlatformOption[],
  provider: string | undefined,
  accept: (o: PlatformOption) => boolean,
) {
  let best: PlatformOption | undefined;
  for (const option of options) {
    if (provider && PLATFORM_TRAITS[option.platform].provider !== provider)
      continue;
    if (!option.feasible || !accept(option)) continue;
    if (!best || option.expected < best.expected) best = option;
  }
  return best;
}

/**
 * The cheapest feasible target a rule accepts, on the component's own cloud provider: a move within a
 * provider keeps networking, identity, data and billing where they are, while a move across providers
 * is a different project that a saving alone does not justify. Only when the workload cannot run
 * where it is (`crossProvider`, for hard limits) and its provider offers nothing feasible is another
 * provider proposed (a 20-minute job on Cloudflare Workers, say).
 */
function cheapest(
  options: PlatformOption[],
  input: SuggestionInput,
  accept: (o: PlatformOption) => boolean,
  crossProvider = false,
) {
  const home = PLATFORM_TRAITS[input.current.platform].provider;
  let best = cheapestWhere(options, home, accept);
  if (!best && crossProvider) {
    const others = input.otherProviders ? input.otherProviders() : options;
    best = cheapestWhere(others, undefined, accept);
  }
  return best;
}

function savingsOf(current: CostBounds, target: CostBounds) {
  const a = current.low - target.low;
  const b = current.expected - target.expected;
  const c = current.high - target.high;
  return {
    low: Math.min(a, b, c),
    expected: b,
    high: Math.max(a, b, c),
    currency: current.currency,
  };
}

function passesThreshold(
  input: SuggestionInput,
  targetExpected: number,
  change: 'migration' | 'configuration',
): boolean {
  const saving = input.currentCost.expected - targetExpected;
  const migration = change === 'migration';
  const fraction = migration
    ? MIN_MIGRATION_SAVINGS_FRACTION
    : MIN_SAVINGS_FRACTION;
  const usd = migration ? MIN_MIGRATION_SAVINGS_USD : MIN_SAVINGS_USD;
  return (
    saving >= fraction * input.currentCost.expected &&
    saving >= usd * input.priceBook.rate
  );
}

function withInstances(sized: SizedWorkload, instances: number): SizedWorkload {
  return {
    ...sized,
    instances,
    variant: variantOf(sized.platform, sized.model, instances),
  };
}

function sizeText(sized: SizedWorkload): string {
  const kind = PLATFORM_TRAITS[sized.platform].kind;
  if (sized.platform === 'cloudflare-workers') return 'Workers';
  if (kind === 'faas') return `${mb(sized.memoryMb)} MB functions`;
  if (sized.ec2) return `${sized.instances}+ × ${sized.ec2.name}`;
  return `${q(sized.instances)}+ replicas of ${q(sized.vcpu)} vCPU / ${mb(sized.memoryMb)} MB`;
}

// ---- hard limits -----------------------------------------------------------------------------

function hardLimitCandidate(input: SuggestionInput): Candidate | undefined {
  if (input.currentInfeasible.length === 0) return undefined;
  const best = cheapest(input.options, input, () => true, true);
  if (!best) return undefined;
  const faasToday = PLATFORM_TRAITS[input.current.platform].kind === 'faas';
  const target = best.sized!;
  return {
    rule: faasToday ? 'serverless-ruled-out' : 'hard-limit',
    title: `Move to ${PLATFORM_NAMES[target.platform]}: ${PLATFORM_NAMES[input.current.platform]} cannot run this workload`,
    target,
    expected: best.expected,
    configOnly: false,
    reasons: () => [
      ...input.currentInfeasible,
      `${PLATFORM_NAMES[target.platform]} (${target.model}, ${sizeText(target)}) is the cheapest platform without these limits${PLATFORM_TRAITS[target.platform].provider === PLATFORM_TRAITS[input.current.platform].provider ? ' on the same cloud' : ''}, about ${input.priceBook.money(best.expected)} a month`,
    ],
  };
}

// ---- economic rules --------------------------------------------------------------------------

function coldStartNote(
  p99Ms: number | undefined,
  sloMs: number | undefined,
): string {
  if (p99Ms === undefined) return 'No cold starts on this platform';
  if (sloMs === undefined)
    return `Expect cold starts of about ${q(p99Ms)} ms at p99 on idle periods (no latency objective stated)`;
  return `Cold starts (about ${q(p99Ms)} ms at p99) keep requests within the ${q(sloMs)} ms objective`;
}

function idleAlwaysOn(input: SuggestionInput): Candidate | undefined {
  const { current, settings } = input;
  if (current.model !== 'always-on') return undefined;
  const utilisation = input.posture.utilisation;
  if (utilisation === undefined || utilisation >= IDLE_UTILISATION)
    return undefined;
  const best = cheapest(
    input.options,
    input,
    o =>
      o.model === 'on-demand' &&
      o.sized!.instances === 0 &&
      !breaksSlo(settings, o.sized!),
  );
  if (!best || !passesThreshold(input, best.expected, 'migration'))
    return undefined;
  const target = best.sized!;
  const cold = coldStartP99(
    target.platform,
    settings.runtime,
    target.architecture,
  );
  return {
    rule: 'idle-always-on-to-on-demand',
    title: `Run on demand on ${PLATFORM_NAMES[target.platform]}: the always-on fleet is mostly idle`,
    target,
    expected: best.expected,
    configOnly: false,
    reasons: () => [
      `The fleet averages ${q(utilisation * 100)} % utilisation with at least ${q(current.instances)} replicas always on (rule E1: below 40 %)`,
      `On ${PLATFORM_NAMES[target.platform]} it would cost ${input.priceBook.money(best.expected)} instead of ${input.priceBook.money(input.currentCost.expected)} a month, paying only for requests`,
      coldStartNote(cold?.p99Ms, settings.latencySloMs),
    ],
  };
}

function hotOnDemand(
  input: SuggestionInput,
  ioBoundTarget: Platform | undefined,
): Candidate | undefined {
  const { current } = input;
  if (current.model !== 'on-demand') return undefined;
  const best = cheapest(
    input.options,
    input,
    o => o.model === 'always-on' && o.platform !== ioBoundTarget,
  );
  if (!best || !passesThreshold(input, best.expected, 'migration'))
    return undefined;
  const target = best.sized!;
  const avgRps = current.monthlyRequests / MONTH_SECONDS;
  return {
    rule: 'hot-on-demand-to-always-on',
    title: `Run always-on on ${PLATFORM_NAMES[target.platform]}: traffic is high enough that per-request billing costs more`,
    target,
    expected: best.expected,
    configOnly: false,
    reasons: () => [
      `${q(avgRps)} req/s on average keeps about ${q((avgRps * current.durationMs) / 1000)} requests in flight all month (rule E2)`,
      `${PLATFORM_NAMES[current.platform]} bills ${input.priceBook.money(input.currentCost.expected)} a month; ${PLATFORM_NAMES[target.platform]} with ${sizeText(target)} costs ${input.priceBook.money(best.expected)}`,
    ],
  };
}

function ioBound(input: SuggestionInput): Candidate | undefined {
  const { current, settings } = input;
  if (!PLATFORM_TRAITS[current.platform].singleConcurrency) return undefined;
  if (
    settings.trafficPattern !== 'steady' &&
    settings.trafficPattern !== 'diurnal'
  )
    return undefined;
  const cpu = current.cpuMs > 0 ? current.cpuMs : 0;
  const ratioWallCpu = cpu > 0 ? current.durationMs / cpu : Infinity;
  if (ratioWallCpu < IO_BOUND_RATIO) return undefined;
  // Workers qualify too: they bill CPU time only, so the waiting is free.
  const best = cheapest(
    input.options,
    input,
    o =>
      !PLATFORM_TRAITS[o.platform].singleConcurrency &&
      !breaksSlo(settings, o.sized!),
  );
  if (!best || !passesThreshold(input, best.expected, 'migration'))
    return undefined;
  const target = best.sized!;
  return {
    rule: 'io-bound-to-multi-concurrency',
    title: `Serve many requests per instance on ${PLATFORM_NAMES[target.platform]}: this workload mostly waits on I/O`,
    target,
    expected: best.expected,
    configOnly: false,
    reasons: () => [
      `Requests take ${q(current.durationMs)} ms but use ${q(cpu)} ms of CPU (wall ÷ CPU = ${q(ratioWallCpu)} ≥ 3, rule E3), at ${settings.trafficPattern} load`,
      target.platform === 'cloudflare-workers'
        ? `${PLATFORM_NAMES[current.platform]} runs one request per environment and bills the waiting; Cloudflare Workers bill CPU time only`
        : `${PLATFORM_NAMES[current.platform]} runs one request per environment and bills the waiting; ${PLATFORM_NAMES[target.platform]} serves up to ${target.concurrency} at once per instance`,
      `${input.priceBook.money(best.expected)} instead of ${input.priceBook.money(input.currentCost.expected)} a month`,
    ],
  };
}

function underusedWarmCapacity(input: SuggestionInput): Candidate | undefined {
  const { current, settings, priceBook } = input;
  if (current.variant !== 'lambda' && current.variant !== 'azure-flex')
    return undefined;
  if (current.instances <= 0) return undefined;
  const utilisation = provisionedUtilisation(current);
  if (utilisation === undefined || utilisation >= PC_BREAK_EVEN_UTILISATION)
    return undefined;
  // Keep warm capacity only where the latency objective needs it, and then only as much as stays
  // ≥ 60 % used; otherwise drop it.
  let keep = 0;
  const onDemand = withInstances(current, 0);
  if (breaksSlo(settings, onDemand)) {
    const avgConcurrency =
      (current.monthlyRequests / MONTH_SECONDS) * (current.durationMs / 1000);
    keep = 1;
    for (let k = current.instances - 1; k >= 1; k--) {
      if (
        warmServedSum(current.profile, avgConcurrency, k) /
          (PROFILE_HOURS * k) >=
        PC_BREAK_EVEN_UTILISATION
      ) {
        keep = k;
        break;
      }
    }
    if (keep >= current.instances) return undefined;
  }
  const target = withInstances(current, keep);
  const expected = costOnly(target, priceBook);
  if (!passesThreshold(input, expected, 'configuration')) return undefined;
  const what =
    current.variant === 'lambda'
      ? 'provisioned concurrency'
      : 'always-ready instances';
  return {
    rule: 'underused-provisioned-concurrency',
    title:
      keep === 0
        ? `Remove ${what}: it is mostly unused`
        : `Reduce ${what} from ${current.instances} to ${keep}`,
    target,
    expected,
    configOnly: true,
    reasons: () => [
      `${q(current.instances)} warm environments are ${q(utilisation * 100)} % used on average (rule E4: ${what} only pays off above 60 %)`,
      keep === 0
        ? 'Without a latency objective that cold starts would break, on-demand capacity serves the same traffic for less'
        : `${keep} stay warm for the latency objective; at that size they remain at least 60 % used`,
      `${priceBook.money(expected)} instead of ${priceBook.money(input.currentCost.expected)} a month`,
    ],
  };
}

function cloudRunBilling(input: SuggestionInput): Candidate | undefined {
  const { current, priceBook } = input;
  if (current.platform !== 'gcp-cloud-run') return undefined;
  const toInstance = current.variant === 'cloud-run-request';
  const target: SizedWorkload = {
    ...current,
    model: toInstance ? 'always-on' : 'on-demand',
    variant: toInstance ? 'cloud-run-instance' : 'cloud-run-request',
  };
  // Busy fraction: request-based billable instance time over instance-based instance time.
  const request = toInstance ? current : target;
  const instance = toInstance ? target : current;
  const vcpu = current.vcpu > 0 ? current.vcpu : 1;
  const busySeconds =
    ESTIMATORS[request.variant](request, priceBook, EXPECTED_FACTORS, false).usage.vcpuSeconds / vcpu;
  const instanceSeconds =
    ESTIMATORS[instance.variant](instance, priceBook, EXPECTED_FACTORS, false).usage.vcpuSeconds / vcpu;
  const busy =
    instanceSeconds > 0 ? Math.min(1, busySeconds / instanceSeconds) : 0;
  if (toInstance && busy < CLOUD_RUN_INSTANCE_BILLING_BUSY) return undefined;
  if (!toInstance && busy >= CLOUD_RUN_INSTANCE_BILLING_BUSY) return undefined;
  const expected = costOnly(target, priceBook);
  if (!passesThreshold(input, expected, 'configuration')) return undefined;
  return {
    rule: 'cloud-run-billing-mode',
    title: toInstance
      ? 'Switch Cloud Run to instance-based billing'
      : 'Switch Cloud Run to request-based billing',
    target,
    expected,
    configOnly: true,
    reasons: () => [
      `Instances are busy ${q(busy * 100)} % of their lifetime (rule E5: instance-based billing is cheaper above about 75 %)`,
      toInstance
        ? 'Instance-based billing charges a lower rate per vCPU-second and no request fee'
        : 'Request-based billing charges only while requests are in flight',
      `${priceBook.money(expected)} instead of ${priceBook.money(input.currentCost.expected)} a month`,
    ],
  };
}

function frontDoorRule(input: SuggestionInput): Candidate | undefined {
  const { current, currentCost, priceBook } = input;
  if (current.frontDoor !== 'api-gateway-rest') return undefined;
  // The compute behind the front door, and what the front door adds to it.
  const rest = costOnly({ ...current, frontDoor: 'none' }, priceBook);
  const frontDoor = currentCost.expected - rest;
  if (frontDoor <= rest) return undefined;
  const target: SizedWorkload = { ...current, frontDoor: 'api-gateway-http' };
  const expected = costOnly(target, priceBook);
  if (!passesThreshold(input, expected, 'configuration')) return undefined;
  return {
    rule: 'front-door-cost',
    title: 'Use an API Gateway HTTP API instead of a REST API',
    target,
    expected,
    configOnly: true,
    reasons: () => [
      `API Gateway REST costs ${priceBook.money(frontDoor)} a month, more than the ${priceBook.money(rest)} of compute behind it (rule E7)`,
      `An HTTP API ($1.00/M requests) brings the total to ${priceBook.money(expected)} a month`,
    ],
  };
}

/** What keeping environments warm is called on each platform. */
const WARM_WORDS: Partial<Record<Platform, string>> = {
  'aws-lambda': 'provisioned concurrency',
  'azure-functions': 'always-ready instances',
};

function coldStartRule(input: SuggestionInput): Candidate | undefined {
  const { current, settings, posture, priceBook } = input;
  if (!posture.coldStart.exposed || settings.latencySloMs === undefined)
    return undefined;
  // Option A: keep the platform, keep enough environments warm for the busiest hour's mean concurrency.
  let warmOption: { target: SizedWorkload; expected: number } | undefined;
  if (
    current.platform !== 'cloudflare-workers' &&
    current.platform !== 'aws-fargate' &&
    current.platform !== 'aws-ec2' &&
    current.platform !== 'kubernetes'
  ) {
    // Enough warm instances for the peak's concurrency, so no request in the p99 waits for one.
    const peakConcurrency = (current.peakRps * current.durationMs) / 1000;
    const warm = Math.max(
      1,
      Math.ceil(peakConcurrency / current.concurrency - 1e-9),
      current.instances + 1,
    );
    const target = withInstances(current, warm);
    warmOption = {
      target,
      expected: costOnly(target, priceBook),
    };
  }
  // Option B: the cheapest feasible always-on alternative.
  const best = cheapest(input.options, input, o => o.model === 'always-on');
  let choice:
    | { target: SizedWorkload; expected: number; configOnly: boolean }
    | undefined;
  if (warmOption && (!best || warmOption.expected <= best.expected))
    choice = { ...warmOption, configOnly: true };
  else if (best)
    choice = { target: best.sized!, expected: best.expected, configOnly: false };
  if (!choice) return undefined;
  const warmWord = WARM_WORDS[current.platform] ?? 'min instances';
  return {
    rule: 'cold-start-vs-slo',
    title: choice.configOnly
      ? `Keep ${choice.target.instances} environments warm (${warmWord}) to meet the latency objective`
      : `Run always-on on ${PLATFORM_NAMES[choice.target.platform]} to meet the latency objective`,
    target: choice.target,
    expected: choice.expected,
    configOnly: choice.configOnly,
    reasons: () => [
      posture.coldStart.message,
      posture.concurrency.average < 1
        ? `Traffic is sparse (${q(posture.concurrency.average)} requests in flight on average): environments are recycled often, so cold starts reach the p99`
        : 'Scale-out and recycled environments still start cold for a share of requests, enough to reach the p99',
      `${choice.configOnly ? `With ${warmWord}` : `On ${PLATFORM_NAMES[choice.target.platform]}`} it costs ${priceBook.money(choice.expected)} a month instead of ${priceBook.money(input.currentCost.expected)}${settings.runtime === 'java' || settings.runtime === 'dotnet' ? '; a faster runtime (Go, Rust, Node.js, native AOT) or SnapStart also helps' : ''}`,
    ],
  };
}

// ---- assembly --------------------------------------------------------------------------------

function effortOf(input: SuggestionInput, candidate: Candidate): Level {
  if (candidate.configOnly) return 'low';
  const from = PLATFORM_TRAITS[input.current.platform];
  const to = PLATFORM_TRAITS[candidate.target.platform];
  let effort: Level = from.provider === to.provider ? 'medium' : 'high';
  const relations =
    (input.relations?.dependsOn ?? 0) + (input.relations?.providesApis ?? 0);
  // Every dependency and provided API is an integration to re-point and re-test.
  if (relations >= 10) effort = shift(effort, 2);
  else if (relations >= 3) effort = shift(effort, 1);
  return effort;
}

function riskOf(
  input: SuggestionInput,
  candidate: Candidate,
  confidence: Level,
): Level {
  let risk: Level = 'low';
  if (!candidate.configOnly) {
    risk = candidate.target.model === 'on-demand' ? 'medium' : 'low';
    if (
      candidate.target.model === 'always-on' &&
      input.settings.trafficPattern === 'spiky'
    )
      risk = shift(risk, 1);
    if (
      PLATFORM_TRAITS[input.current.platform].provider !==
      PLATFORM_TRAITS[candidate.target.platform].provider
    )
      risk = shift(risk, 1);
  } else if (
    candidate.rule === 'underused-provisioned-concurrency' &&
    input.settings.latencySloMs !== undefined
  ) {
    risk = 'medium';
  }
  if (confidence === 'low') risk = shift(risk, 1);
  return risk;
}

/** The settings that decide whether a hard limit is broken. */
const HARD_LIMIT_FIELDS: readonly SettingField[] = [
  'maxDurationS',
  'memoryMb',
  'connections',
  'state',
  'runtime',
];

function finish(input: SuggestionInput, candidate: Candidate): Suggestion {
  const savings = savingsOf(
    input.currentCost,
    costBounds(candidate.target, input.priceBook, input.range),
  );
  let confidence = input.confidence;
  if (
    candidate.rule === 'serverless-ruled-out' ||
    candidate.rule === 'hard-limit'
  ) {
    // A hard limit is a fact about the settings, not an estimate: as sure as the settings behind it.
    confidence = 'high';
    for (const field of HARD_LIMIT_FIELDS)
      if (input.defaulted.has(field)) confidence = 'medium';
  } else {
    if (savings.low < 0) confidence = shift(confidence, -1);
    // Sizing a container from a function (or the reverse) leans on CPU time per request.
    const crossKind =
      PLATFORM_TRAITS[input.current.platform].kind !==
      PLATFORM_TRAITS[candidate.target.platform].kind;
    if (crossKind && input.defaulted.has('cpuMs'))
      confidence = shift(confidence, -1);
  }
  return {
    id: suggestionId(
      input.entityRef,
      candidate.rule,
      candidate.target.model,
      candidate.target.platform,
    ),
    rule: candidate.rule,
    title: candidate.title,
    targetModel: candidate.target.model,
    targetPlatform: candidate.target.platform,
    monthlySavings: savings,
    confidence,
    effort: effortOf(input, candidate),
    risk: riskOf(input, candidate, confidence),
    reasons: candidate.reasons(),
  };
}

/** The economic rules that stand alone (E3 and E2 are run around them: E2 skips E3's target). */
const ECONOMIC_RULES = [
  idleAlwaysOn,
  underusedWarmCapacity,
  cloudRunBilling,
  frontDoorRule,
];

/**
 * The one migration suggestion for a component, or null when the current choice is already the best.
 * Also returns the target's sized workload (for assumptions about its sizing).
 * @public
 */
export function suggestMigration(input: SuggestionInput): {
  suggestion: Suggestion | null;
  target?: SizedWorkload;
} {
  const hard = hardLimitCandidate(input);
  if (hard) return { suggestion: finish(input, hard), target: hard.target };
  if (input.currentInfeasible.length > 0) return { suggestion: null };

  const candidates: Candidate[] = [];
  const io = ioBound(input);
  if (io) candidates.push(io);
  for (const rule of ECONOMIC_RULES) {
    const candidate = rule(input);
    if (candidate) candidates.push(candidate);
  }
  const hot = hotOnDemand(input, io?.target.platform);
  if (hot) candidates.push(hot);
  // The largest saving wins, except that a configuration change on the same platform (provisioned
  // concurrency, billing mode, front door) is preferred while it captures at least half the saving of
  // the best migration: it is a one-line change against a project.
  let best: Candidate | undefined;
  let bestConfig: Candidate | undefined;
  for (const candidate of candidates) {
    if (!best || candidate.expected < best.expected) best = candidate;
    if (
      candidate.configOnly &&
      (!bestConfig || candidate.expected < bestConfig.expected)
    )
      bestConfig = candidate;
  }
  const current = input.currentCost.expected;
  if (
    best &&
    bestConfig &&
    current - bestConfig.expected >=
      CONFIG_CHANGE_SHARE * (current - best.expected)
  ) {
    best = bestConfig;
  }
  if (!best) best = coldStartRule(input);
  return best
    ? { suggestion: finish(input, best), target: best.target }
    : { suggestion: null };
}
