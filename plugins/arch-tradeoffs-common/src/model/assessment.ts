import type {
  Assumption,
  Diagnostic,
  ExecutionModel,
  Platform,
  WorkloadSettings,
} from './settings';

/**
 * One line of a monthly cost, with the arithmetic that produced it so a user can check it.
 * @public
 */
export interface CostLineItem {
  kind:
    | 'requests'
    | 'compute'
    | 'idle'
    | 'provisioned'
    | 'front-door'
    | 'platform-fee'
    | 'base';
  label: string;
  /** Expected monthly amount in the result currency. */
  amount: number;
  /** Human-readable arithmetic, e.g. `25,000,000 req × $0.20 / 1M`. */
  detail: string;
}

/**
 * A monthly cost (730 h) as a range. `expected` is the cost at the stated traffic; `low` and `high`
 * widen with traffic-pattern uncertainty and with defaulted inputs.
 * @public
 */
export interface MonthlyCost {
  low: number;
  expected: number;
  high: number;
  currency: string;
  breakdown: CostLineItem[];
}

/**
 * The same workload priced on another platform, or the reasons it cannot run there.
 * @public
 */
export interface Alternative {
  platform: Platform;
  executionModel: ExecutionModel;
  feasible: boolean;
  /** Present when feasible. */
  monthlyCost?: MonthlyCost;
  /** Plain-language hard constraints that rule the platform out; empty when feasible. */
  infeasible: string[];
  /** How the workload was mapped onto the platform (sizing, billing mode). */
  notes: string[];
}

/**
 * Where the current platform and the best feasible alternative cost the same.
 * @public
 */
export interface BreakEven {
  /** `crosses`: a point was found; `no-crossing`: one stays cheaper over the whole range searched. */
  status: 'crosses' | 'no-crossing' | 'not-applicable';
  /** The alternative compared against. */
  against?: Platform;
  /** Monthly requests at the crossing point. */
  monthlyRequests?: number;
  /** The same as an average request rate. */
  averageRps?: number;
  /** Which side is cheaper below the crossing point. */
  cheaperBelow?: 'current' | 'alternative';
  message: string;
}

/** @public */
export interface PostureFlag {
  kind:
    | 'cold-start'
    | 'headroom'
    | 'concurrency'
    | 'burst'
    | 'timeout'
    | 'memory'
    | 'idle'
    | 'utilisation'
    /** A hard limit of the current platform is violated (duration, memory, connections, state). */
    | 'feasibility';
  severity: 'info' | 'warning' | 'critical';
  message: string;
}

/** Distance from a setting to a platform's hard limit. @public */
export interface LimitDistance {
  limit: 'timeout' | 'memory' | 'concurrency' | 'cpu-time';
  value: number;
  max: number;
  unit: string;
  /** value / max. */
  ratio: number;
}

/**
 * Scaling posture of the current deployment.
 * @public
 */
export interface Posture {
  scaleToZero: boolean;
  /** Capacity at the minimum instance count vs peak load; null for per-request platforms. */
  headroom: {
    capacityRps: number;
    peakRps: number;
    /** capacityRps / peakRps at minimum instances. */
    ratio: number;
    /** capacityRps at max instances / peakRps. */
    ratioAtMax: number;
  } | null;
  coldStart: {
    exposed: boolean;
    p99Ms?: number;
    sloMs?: number;
    /** Where the p99 figure comes from (cold-start table row or proxy). */
    source?: string;
    message: string;
  };
  /** Mean concurrent requests (Little's law) and peak. */
  concurrency: { average: number; peak: number; limit?: number };
  /** Average utilisation of provisioned capacity (always-on / provisioned concurrency). */
  utilisation?: number;
  limits: LimitDistance[];
  flags: PostureFlag[];
}

/** @public */
export type Level = 'low' | 'medium' | 'high';

/**
 * A proposed migration: at most one per component.
 * @public
 */
export interface Suggestion {
  /** Stable id: same component + rule + target gives the same id across snapshots. */
  id: string;
  rule: string;
  title: string;
  targetModel: ExecutionModel;
  targetPlatform: Platform;
  /** Monthly savings range (positive = cheaper after migrating). */
  monthlySavings: {
    low: number;
    expected: number;
    high: number;
    currency: string;
  };
  confidence: Level;
  effort: Level;
  risk: Level;
  reasons: string[];
}

/**
 * What the engine says about one component.
 * @public
 */
export interface Assessment {
  entityRef: string;
  executionModel: ExecutionModel;
  platform: Platform;
  settings: WorkloadSettings;
  monthlyCost: MonthlyCost;
  alternatives: Alternative[];
  breakEven: BreakEven;
  posture: Posture;
  assumptions: Assumption[];
  diagnostics: Diagnostic[];
  suggestion: Suggestion | null;
  /** Lower when inputs were defaulted. */
  confidence: Level;
}
