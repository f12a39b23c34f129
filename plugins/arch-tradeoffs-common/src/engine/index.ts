/**
 * The cost and scaling-posture engine: pure functions over parsed workload settings.
 */
export { assessWorkload, createAssessor, confidenceOf } from './assess';
export type {
  AssessContext,
  Assessor,
  AssessorOptions,
  EngineOptions,
} from './assess';
export { estimatePlatformCost, costRange, costOnly } from './estimate';
export type { EstimatePlatformOptions, PlatformEstimate } from './estimate';
export { findBreakEven, costAtRequests } from './breakEven';
export { computePosture } from './posture';
export { infeasibilityReasons } from './feasibility';
export { suggestMigration } from './suggestions';
export type { PlatformOption, Relations, SuggestionInput } from './suggestions';
export { sizeCurrent, sizeAlternative, UNBOUNDED_INSTANCES } from './sizing';
export type { SizingContext, SizingResult, Target } from './sizing';
export { applyFreeTiers } from './freeTiers';
export type { FreeTierCredit, FreeTierPool } from './freeTiers';
export { coldStartP99, LAMBDA_COLD_STARTS } from './coldStarts';
export type { ColdStart, ColdStartRow } from './coldStarts';
export {
  buildProfile,
  trafficProfile,
  profileOf,
  averageRps,
  scenarioFactors,
  EXPECTED_FACTORS,
} from './traffic';
export type { ScenarioFactors, TrafficProfile } from './traffic';
export { PLATFORM_TRAITS } from './platforms';
export type { PlatformKind, PlatformTraits } from './platforms';
export { PLATFORM_NAMES } from './names';
export { suggestionId } from './ids';
export { formatQuantity, formatMb } from '../prices/format';
export { LazyCostLine } from './estimators/lines';
export { LazyMonthlyCost } from './estimate';
export * as engineConstants from './constants';
export type { BillingVariant, FrontDoor, SizedWorkload } from './types';
export { FieldMask } from './fields';
export type { FieldSet } from './fields';
