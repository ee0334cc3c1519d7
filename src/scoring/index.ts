export type { ColumnarActivities, PropertyColumn } from './columnarActivities';
export { type DecayScoreOptions, decayScore } from './decayScore';
export { defaultFloor } from './defaultFloor';
export { type DiffModelsResult, diffModels, type ModelDifference } from './diffModels';
export {
  type ConversionGroup,
  type EvaluateModelOptions,
  type EvaluateModelResult,
  evaluateModel,
  type ScoreBand,
  type ScoredOutcome,
} from './evaluateModel';
export type {
  AllCondition,
  AnyCondition,
  BehaviorCondition,
  BehaviorRule,
  BetweenCondition,
  Condition,
  ContainsCondition,
  DecayPolicy,
  EqualsCondition,
  ExistsCondition,
  FitRule,
  GteCondition,
  HalfLifeDecayPolicy,
  InCondition,
  LteCondition,
  NotCondition,
  PercentDecayPolicy,
  PointsDecayPolicy,
  Scalar,
  ScoringModel,
  ScoringRule,
  StartsWithCondition,
} from './model';
export { type ModelChange, type ReviewDatesOptions, reviewDates } from './reviewDates';
export {
  type Activity,
  type Lead,
  type ScoreContribution,
  type ScoreLeadResult,
  type ScoreOptions,
  scoreLead,
} from './scoreLead';
export {
  type ScoredLead,
  type ScoredLeadResult,
  type ScoreLeadsCollectedResult,
  scoreLeads,
} from './scoreLeads';
export {
  type ScoreColumns,
  type ScoreColumnsOptions,
  type ScoreLeadsColumnsOptions,
  type ScoreLeadsColumnsResult,
  scoreLeadsColumns,
} from './scoreLeadsColumns';
export {
  type ModelIssue,
  type ModelValidationFailure,
  type ModelValidationSuccess,
  type SafeValidateModelResult,
  safeValidateModel,
  validateModel,
} from './validateModel';
