export type { CrmEvent, CrmEventsCollected, ParseDate } from './_internal/rows';
export {
  type FieldHistoryOptions,
  type FieldHistoryPreset,
  fromFieldHistory,
  type HistoryField,
  hubspotPropertyHistory,
  pipedriveDealFlow,
  salesforceLeadHistory,
  salesforceOpportunityHistory,
} from './fromFieldHistory';
export {
  fromWideRows,
  hubspotDateEntered,
  hubspotLifecycle,
  type WideRowsOptions,
  type WideRowsPreset,
} from './fromWideRows';
