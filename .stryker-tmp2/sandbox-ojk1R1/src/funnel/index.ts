// @ts-nocheck
export {
  type FunnelEfficiencyOptions,
  type FunnelEfficiencyResult,
  type FunnelStep,
  funnelEfficiency,
  type StageCount,
} from './funnelEfficiency';
export {
  type RateInterval,
  type StageEfficiencyOptions,
  type StageEfficiencyResult,
  stageEfficiency,
} from './stageEfficiency';
export { type WilsonIntervalResult, wilsonInterval } from './wilsonInterval';
