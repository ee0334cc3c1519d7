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
  type FunnelEvent,
  type FunnelEventColumns,
  type FunnelPeriodReport,
  type FunnelPeriodStageRow,
  type FunnelReport,
  type FunnelReportBase,
  type FunnelReportOptions,
  type FunnelStageRow,
  funnelReport,
  type ReportDuration,
} from './funnelReport';
