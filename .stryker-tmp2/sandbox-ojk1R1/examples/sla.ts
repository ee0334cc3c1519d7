/**
 * leadmath SLA example: a week of MQL hand-offs, run through a New York
 * business calendar (9–17 on weekdays, lunch excluded) across the March
 * daylight-saving change, against a 4-business-hour accept/reject SLA.
 *
 * Run with `npx tsx examples/sla.ts` after `npm run build`.
 */
// @ts-nocheck

import {
  businessCalendar,
  slaItemsFromEvents,
  slaReport,
  slaStatus,
  speedToLead,
  velocityVsSla,
} from 'leadmath';

const calendar = businessCalendar({
  timeZone: 'America/New_York',
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    wed: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    thu: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    fri: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-05-25'],
});

// Embedded sample: MQL hand-offs of one week (Thursday 5 March to Wednesday 11 March 2026).
const events = [
  { leadId: 'L01', type: 'mql', at: '2026-03-05T09:30:00-05:00', owner: 'ana' },
  { leadId: 'L01', type: 'accepted', at: '2026-03-05T10:10:00-05:00' },
  { leadId: 'L02', type: 'mql', at: '2026-03-05T15:45:00-05:00', owner: 'ben' },
  { leadId: 'L02', type: 'rejected', at: '2026-03-06T11:20:00-05:00' },
  { leadId: 'L03', type: 'mql', at: '2026-03-06T16:00:00-05:00', owner: 'ana' },
  { leadId: 'L03', type: 'accepted', at: '2026-03-09T11:30:00-04:00' }, // across the weekend and the DST change
  { leadId: 'L04', type: 'mql', at: '2026-03-06T22:15:00-05:00', owner: 'ben' }, // Friday night
  { leadId: 'L04', type: 'waiting_on_customer', at: '2026-03-09T10:00:00-04:00' },
  { leadId: 'L04', type: 'customer_replied', at: '2026-03-10T09:30:00-04:00' },
  { leadId: 'L04', type: 'accepted', at: '2026-03-10T14:00:00-04:00' },
  { leadId: 'L05', type: 'mql', at: '2026-03-09T09:05:00-04:00', owner: 'cy' },
  { leadId: 'L05', type: 'accepted', at: '2026-03-10T16:40:00-04:00' },
  { leadId: 'L06', type: 'mql', at: '2026-03-10T11:50:00-04:00', owner: 'cy' },
  { leadId: 'L07', type: 'mql', at: '2026-03-11T13:15:00-04:00', owner: 'ana' },
  { leadId: 'L08', type: 'mql', at: '2026-03-11T16:50:00-04:00', owner: 'ben' },
];
const asOf = '2026-03-11T17:00:00-04:00';
const policy = { target: { hours: 4 }, calendar, asOf } as const;

const items = slaItemsFromEvents(events, {
  start: ['mql'],
  stop: ['accepted', 'rejected'],
  pause: ['waiting_on_customer'],
  resume: ['customer_replied'],
});

const hours = (ms: number | null) => (ms === null ? '—' : `${(ms / 3_600_000).toFixed(1)} h`);
console.log(`MQL accept/reject SLA: 4 business hours, New York hours; as of ${asOf}\n`);
console.log(
  `${'lead'.padEnd(6)}${'owner'.padEnd(7)}${'state'.padEnd(10)}${'elapsed'.padStart(9)}  due (local)`,
);
for (const item of items) {
  const s = slaStatus({ ...item, ...policy });
  const due = s.dueAt.toLocaleString('en-US', {
    timeZone: 'America/New_York',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  console.log(
    `${String(item.id).padEnd(6)}${(item.owner ?? '').padEnd(7)}${s.state.padEnd(10)}${hours(s.elapsedMs).padStart(9)}  ${due}`,
  );
}

const report = slaReport(items, policy);
console.log(
  `\nStates: ${Object.entries(report.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(
  `Breach rate (decided items only): ${((report.breachRate ?? 0) * 100).toFixed(0)}% ` +
    `(95% interval ${(report.breachRateInterval.low * 100).toFixed(0)}–${(report.breachRateInterval.high * 100).toFixed(0)}%)`,
);
console.log(
  `Response: median ${hours(report.medianResponseMs)}, p90 ${hours(report.p90ResponseMs)} (business time)`,
);
for (const [owner, group] of Object.entries(report.byOwner)) {
  console.log(
    `  ${owner.padEnd(5)} ${group.total} items, breached ${group.counts.breached}, median ${hours(group.medianResponseMs)}`,
  );
}

const speed = speedToLead(items);
console.log(
  `\nSpeed to lead (elapsed time): ${speed.buckets.map((b) => `${b.label} ${b.count}`).join(', ')}`,
);
console.log(`Answered within an hour: ${((speed.withinHour ?? 0) * 100).toFixed(0)}%`);

const velocity = velocityVsSla({ averageDaysInStage: 3, slaDays: 2 });
console.log(
  `\nA 3-day average in the MQL stage against a 2-day SLA: breached ${velocity.breached}, over by ${velocity.overByDays} day`,
);
