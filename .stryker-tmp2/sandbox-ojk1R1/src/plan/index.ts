// @ts-nocheck
export {
  type CompareDailyRatesResult,
  compareDailyRates,
  type PeriodCount,
} from './compareDailyRates';
export { costPer } from './costPer';
export { dailyRate } from './dailyRate';
export { dealsForRevenue } from './dealsForRevenue';
export {
  type ForwardProjectionInput,
  type ForwardProjectionResult,
  forwardProjection,
  type ProjectedStage,
} from './forwardProjection';
export {
  type LaggedCostPerInput,
  type LaggedCostPerResult,
  laggedCostPer,
  type SpendEntry,
} from './laggedCostPer';
export {
  type LaggedWindowOptions,
  laggedWindow,
  type ResolvedWindow,
  type TimeWindow,
} from './laggedWindow';
export {
  type BenchmarkBand,
  type MarketingSourcedShareInput,
  type MarketingSourcedShareResult,
  marketingSourcedShare,
  type SalesModel,
} from './marketingSourcedShare';
export { type PaceInput, type PaceResult, pace } from './pace';
export {
  type ConfidentStage,
  type PlanWithConfidenceEvidenceInput,
  type PlanWithConfidenceInput,
  type PlanWithConfidenceRatesInput,
  type PlanWithConfidenceResult,
  planWithConfidence,
  type StepEvidence,
} from './planWithConfidence';
export {
  type PlannedStage,
  type ReversePlanInput,
  type ReversePlanResult,
  type ReversePlanRevenueInput,
  type ReversePlanTargetInput,
  reversePlan,
} from './reversePlan';
export { spreadTarget } from './spreadTarget';
