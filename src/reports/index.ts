export {
  type ConversionCurveOptions,
  type ConversionCurvePoint,
  type ConversionCurveResult,
  conversionCurve,
} from './conversionCurve';
export {
  createFunnelAccumulator,
  type FunnelAccumulator,
  type FunnelAccumulatorState,
  funnelAccumulatorFromJSON,
} from './funnelAccumulator';
export {
  type FunnelCohortReport,
  type FunnelConversion,
  type FunnelEvent,
  type FunnelEventColumns,
  type FunnelMaturedStep,
  type FunnelPeriodReport,
  type FunnelPeriodStageRow,
  type FunnelQuantile,
  type FunnelReport,
  type FunnelReportBase,
  type FunnelReportOptions,
  type FunnelSegment,
  type FunnelStageRow,
  type FunnelTimeToNext,
  type FunnelWithin,
  funnelReport,
  type ReportDuration,
} from './funnelReport';
export {
  type HandoffEfficiency,
  type HandoffOutcomes,
  type HandoffPeriodRow,
  type HandoffSla,
  type HandoffSlaOptions,
  type HandoffVelocity,
  type MqlPeriodRow,
  type MqlReport,
  type MqlReportOptions,
  type MqlReportSegment,
  mqlReport,
  type ShareWithInterval,
} from './mqlReport';
export {
  type SqlPeriodRow,
  type SqlReport,
  type SqlReportOptions,
  type SqlReportSegment,
  sqlReport,
} from './sqlReport';
export { toTable } from './toTable';
