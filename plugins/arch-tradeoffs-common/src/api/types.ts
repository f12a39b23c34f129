import type { Assessment, Suggestion } from '../model/assessment';
import type {
  Assumption,
  Diagnostic,
  ExecutionModel,
  Platform,
  SettingField,
  WorkloadSettings,
} from '../model/settings';
import type { ComponentUsage, MeasuredSetting, UsageSourceHealth } from '../model/usage';

/**
 * The `input` filter: components whose traffic was measured, or estimated (stated by hand, inferred
 * or defaulted). Components that are not workloads match neither.
 * @public
 */
export type InputFilter = 'measured' | 'estimated';

/** The `model` filter: an execution model, or components with none annotated. @public */
export type ModelFilter = ExecutionModel | 'unannotated' | 'not-applicable';

/**
 * The stored refresh a response was read from. Every read route names it, so a user can tell how
 * fresh the figures are.
 * @public
 */
export interface SnapshotInfo {
  id: number;
  /** When the refresh that wrote it finished (ISO 8601); a client computes the snapshot's age from it. */
  createdAt: string;
  /** Components of the snapshot the caller may read. */
  componentCount: number;
  /** How long the refresh took. */
  durationMs: number;
  /**
   * True when the caller may not read every component or group of the snapshot (the catalog's
   * `catalog.entity.read` policy): lists, counts, totals and scorecards then cover only those they may.
   */
  partial: boolean;
  /** The usage source's health at that refresh; absent when no source is configured. */
  usage?: UsageSourceHealth;
}

/**
 * One catalog component as the backend serves it: who owns it, where it sits, what its annotations say,
 * and (when it is assessable) the assessment.
 * @public
 */
export interface ComponentRecord {
  entityRef: string;
  namespace: string;
  name: string;
  title?: string;
  /** Entity ref of the owning group or user, e.g. `group:default/payments-team`. */
  owner?: string;
  /** Entity ref of the system, e.g. `system:default/checkout`. */
  system?: string;
  /** Entity ref of the system's domain, when known. */
  domain?: string;
  /** Component type (`service`, `website`, ...). */
  type?: string;
  lifecycle?: string;
  /** False when neither execution model nor platform is annotated nor inferred. */
  assessable: boolean;
  /**
   * Set when the component is not a deployed workload (its `spec.type` is a library, documentation, a
   * template, …): why, in words. It is not priced nor counted in any score.
   */
  notApplicable?: string;
  settings?: WorkloadSettings;
  stated: SettingField[];
  /** Settings taken from the measured usage, each with its metric. */
  measured: MeasuredSetting[];
  assumptions: Assumption[];
  diagnostics: Diagnostic[];
  /** What the usage source measured, or why it did not; absent when no source is configured. */
  usage?: ComponentUsage;
  assessment?: Assessment | null;
}

/**
 * What the org-wide map needs of a component, without the full assessment (`view=summary`): small
 * enough to send thousands at once.
 * @public
 */
export interface ComponentSummary {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  /** Null when unannotated. */
  executionModel: ExecutionModel | null;
  platform: Platform | null;
  /** Expected monthly cost; null when not assessed. */
  monthlyCost: number | null;
  /** Cheapest feasible option's expected cost (the current one when nothing is cheaper). */
  bestMonthlyCost: number | null;
  diagnosticCount: number;
  /** The open or decided suggestion's id, target and expected savings. */
  suggestion: {
    id: string;
    title: string;
    targetPlatform: Platform;
    savings: number;
  } | null;
  /** Present (true) when the component is not a deployed workload: not priced, not scored. */
  notApplicable?: true;
  /** Present (true) when its traffic was measured rather than estimated. */
  measured?: true;
}

/** Response of `GET /v1/components` (paged). @public */
export interface ComponentsResponse<T = ComponentRecord> {
  items: T[];
  /** Matching components before paging. */
  totalCount: number;
  offset: number;
  limit: number;
  /** Currency of every cost figure. */
  currency: string;
  snapshot: SnapshotInfo;
}

/** Response of `GET /v1/components/:namespace/:kind/:name`. @public */
export interface ComponentResponse {
  component: ComponentRecord;
  /** The suggestion's decision, when one was recorded. */
  decision: Decision | null;
  snapshot: SnapshotInfo;
}

/** @public */
export type DecisionKind = 'accepted' | 'dismissed' | 'snoozed';

/** Body of `POST /v1/suggestions/:id/decision`. @public */
export interface DecisionRequest {
  decision: DecisionKind;
  /** Required when dismissing. */
  reason?: string;
  /** Required when snoozing: a future date (ISO 8601). */
  snoozeUntil?: string;
}

/** A recorded decision, with who made it and when. @public */
export interface Decision {
  suggestionId: string;
  decision: DecisionKind;
  reason?: string;
  snoozeUntil?: string;
  /** User entity ref of the decider. */
  decidedBy: string;
  decidedAt: string;
}

/**
 * `open` until decided; a snooze that has expired makes it open again.
 * @public
 */
export type SuggestionStatus = 'open' | DecisionKind;

/** A migration suggestion with its component's context and its decision. @public */
export interface SuggestionRecord {
  suggestion: Suggestion;
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  currentPlatform: Platform;
  currentModel: ExecutionModel;
  currentMonthlyCost: number;
  status: SuggestionStatus;
  decision: Decision | null;
}

/** Response of `GET /v1/suggestions`, sorted by expected savings, largest first. @public */
export interface SuggestionsResponse {
  items: SuggestionRecord[];
  /** Every match, not only the page listed. */
  totalCount: number;
  /**
   * Expected monthly savings of every matching open suggestion, not only the page listed (those that
   * cost more count as 0).
   */
  openSavings: number;
  currency: string;
  snapshot: SnapshotInfo;
}

/** The checks behind a team's score. @public */
export type ScorecardCheckId =
  | 'input-coverage'
  | 'cost-efficiency'
  | 'posture-risks'
  | 'open-suggestions';

/** Weights of the checks (any non-negative numbers; the score is the weighted mean). @public */
export type ScorecardWeights = Record<ScorecardCheckId, number>;

/** @public */
export type ScoreLevel = 'excellent' | 'good' | 'fair' | 'poor';

/** One check of a scorecard: how it scored, how much it counts, and the figures behind it. @public */
export interface ScorecardCheck {
  id: ScorecardCheckId;
  title: string;
  /** How the check is computed, in a sentence. */
  description: string;
  weight: number;
  /** 0–100, or null when the check has nothing to measure (e.g. no assessed components). */
  score: number | null;
  /** The figures behind the score, e.g. `12 of 15 components annotated`. */
  detail: string;
}

/** A team's figures over a set of components. @public */
export interface ScorecardFigures {
  components: number;
  /** Assessable with no error diagnostics. */
  annotated: number;
  /**
   * Workloads whose inputs are known: execution model known (stated or inferred), traffic stated or
   * measured, and no error diagnostics. What the input-coverage check counts.
   */
  covered: number;
  /** Workloads whose traffic was measured. */
  measured: number;
  assessed: number;
  monthlyCost: number;
  /** Sum of each assessed component's cheapest feasible option. */
  bestMonthlyCost: number;
  /** Expected savings of the open suggestions. */
  potentialSavings: number;
  openSuggestions: number;
  /** Assessed components with a warning or critical posture flag. */
  postureRisks: number;
  /** 0–100 weighted mean of the checks that apply; null when the team owns no components. */
  score: number | null;
  level: ScoreLevel | null;
  checks: ScorecardCheck[];
}

/**
 * A team's scorecard: `direct` covers the components it owns itself, `aggregated` adds every
 * descendant team's, transitively.
 * @public
 */
export interface TeamScorecard {
  groupRef: string;
  title?: string;
  type?: string;
  parent?: string;
  children: string[];
  direct: ScorecardFigures;
  aggregated: ScorecardFigures;
}

/** Response of `GET /v1/scorecards`, ranked by aggregated score, best first. @public */
export interface ScorecardsResponse {
  items: TeamScorecard[];
  weights: ScorecardWeights;
  currency: string;
  snapshot: SnapshotInfo;
}

/** Response of `GET /v1/scorecards/:namespace/:name`. @public */
export interface ScorecardResponse {
  scorecard: TeamScorecard;
  weights: ScorecardWeights;
  currency: string;
  snapshot: SnapshotInfo;
}

/** One snapshot's figures for the organisation, a team (aggregated) or a component. @public */
export interface HistoryPoint {
  snapshotId: number;
  createdAt: string;
  monthlyCost: number;
  bestMonthlyCost: number;
  potentialSavings: number;
  components: number;
  openSuggestions: number;
  /** Teams and the organisation have a score; a component does not. */
  score: number | null;
}

/** Response of `GET /v1/history`, oldest first. @public */
export interface HistoryResponse {
  /** `org`, a group ref or a component ref. */
  subject: string;
  kind: 'org' | 'group' | 'component';
  points: HistoryPoint[];
  /**
   * True when the points are withheld because they would sum components the caller may not read (the
   * organisation's or a team's history, for a caller who may not read all of its components).
   */
  partial: boolean;
  currency: string;
}
