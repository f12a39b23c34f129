/**
 * The cost and scaling-posture engine: pure functions over parsed workload settings, returning plain,
 * frozen data. The public entry points are these; the rest of the folder is the engine's own.
 */
export {
  assessWorkload,
  assessFigures,
  createAssessor,
  cheapestOnProviderOf,
} from './assess';
export type {
  AssessContext,
  AssessmentFigures,
  Assessor,
  AssessorOptions,
  EngineOptions,
} from './assess';
export { estimateWhatIf, costCurves } from './whatIf';
export type {
  CostCurves,
  CurvePoint,
  WhatIf,
  WhatIfInput,
  WhatIfOptions,
} from './whatIf';
export type { Relations } from './suggestions';
export type { FrontDoor } from './types';
