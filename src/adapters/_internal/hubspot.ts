/** HubSpot's lifecycle stages, as both HubSpot presets name them. */

/**
 * Each lifecycle stage: its internal name, leadmath's stage name, its label
 * (`Date entered "<label> (Lifecycle Stage Pipeline)"`) and the words of its
 * "Became … Date" export title.
 */
export const LIFECYCLE: readonly (readonly [
  internal: string,
  stage: string,
  label: string,
  became: string,
])[] = [
  ['subscriber', 'subscriber', 'Subscriber', 'a Subscriber'],
  ['lead', 'lead', 'Lead', 'a Lead'],
  ['marketingqualifiedlead', 'mql', 'Marketing Qualified Lead', 'a Marketing Qualified Lead'],
  ['salesqualifiedlead', 'sql', 'Sales Qualified Lead', 'a Sales Qualified Lead'],
  ['opportunity', 'opportunity', 'Opportunity', 'an Opportunity'],
  ['customer', 'customer', 'Customer', 'a Customer'],
  ['evangelist', 'evangelist', 'Evangelist', 'an Evangelist'],
  ['other', 'other', 'Other', 'an Other Lifecycle Stage'],
];

/** The funnel stages of HubSpot's lifecycle, in order (`other` is an outcome). */
export const HUBSPOT_STAGES: readonly string[] = LIFECYCLE.map(([, stage]) => stage).filter(
  (stage) => stage !== 'other',
);
