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
  type ForwardProjectionOptions,
  type ForwardProjectionResult,
  forwardProjection,
  type ProjectedStage,
} from './forwardProjection';
export {
  type LaggedCostPerInput,
  type LaggedCostPerOptions,
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
  type MarketingSourcedShareOptions,
  type MarketingSourcedShareResult,
  marketingSourcedShare,
  type SalesModel,
} from './marketingSourcedShare';
export {
  type PaceInput,
  type PaceOptions,
  type PaceResult,
  pace,
} from './pace';
export {
  type ConfidentStage,
  type PlanWithConfidenceEvidenceInput,
  type PlanWithConfidenceEvidenceOptions,
  type PlanWithConfidenceInput,
  type PlanWithConfidenceOptions,
  type PlanWithConfidenceRatesInput,
  type PlanWithConfidenceRatesOptions,
  type PlanWithConfidenceResult,
  planWithConfidence,
  type StepEvidence,
} from './planWithConfidence';
export {
  type PlannedStage,
  type ReversePlanInput,
  type ReversePlanOptions,
  type ReversePlanResult,
  type ReversePlanRevenueInput,
  type ReversePlanRevenueOptions,
  type ReversePlanTargetInput,
  type ReversePlanTargetOptions,
  reversePlan,
} from './reversePlan';
export { spreadTarget } from './spreadTarget';
