export * from './adapters/index';
export * from './calendar/index';
export {
  isLeadMathError,
  LEADMATH_ERROR_CODES,
  LeadMathError,
  type LeadMathErrorCode,
  type LeadMathErrorDetails,
  type LeadMathIssue,
} from './errors';
export * from './funnel/index';
export * from './plan/index';
export * from './reports/index';
export * from './scoring/index';
export * from './sla/index';
