export {
  type EventSlaItem,
  type SlaEvent,
  type SlaEventPolicy,
  type SlaItemsFromEventsCollectedResult,
  slaItemsFromEvents,
} from './slaItemsFromEvents';
export {
  type SlaGroupReport,
  type SlaItem,
  type SlaReport,
  type SlaReportPolicy,
  type SlaReportResult,
  slaReport,
} from './slaReport';
export {
  type SlaPause,
  type SlaState,
  type SlaStatusInput,
  type SlaStatusOptions,
  type SlaStatusResult,
  slaStatus,
} from './slaStatus';
export {
  type SpeedBucket,
  type SpeedToLeadItem,
  type SpeedToLeadOptions,
  type SpeedToLeadResult,
  speedToLead,
} from './speedToLead';
export {
  type VelocityVsSlaInput,
  type VelocityVsSlaOptions,
  type VelocityVsSlaResult,
  velocityVsSla,
} from './velocityVsSla';
