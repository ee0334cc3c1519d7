/**
 * The seeded data of the scoring benchmarks: 1,000,000 leads with industry,
 * size and country, and 20 activities each (page views with a path,
 * webinars, demo requests, email opens), grouped by lead in time order, as
 * columns.
 */
import { random } from './data';

export const LEADS = 1_000_000;
export const PER_LEAD = 20;
export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;
/** The instant the benchmarks score at. */
export const asOf = T0 + 120 * DAY;

const rand = random(42);
const industries = ['SaaS', 'Retail', 'Bank', 'Health'];
const countries = ['NO', 'SE', 'DK', 'DE', 'US'];
export const leads = Array.from({ length: LEADS }, (_, i) => ({
  id: i,
  industry: industries[Math.floor(rand() * industries.length)]!,
  employees: Math.floor(rand() * 2000),
  country: countries[Math.floor(rand() * countries.length)]!,
}));
export const types = ['page_view', 'webinar', 'demo_request', 'email_open'];
export const pathValues = ['/pricing', '/pricing/teams', '/careers', '/blog', '/docs', null];
/** Activities in all. */
export const rows = LEADS * PER_LEAD;
export const leadIndex = new Int32Array(rows);
export const type = new Uint8Array(rows);
export const at = new Float64Array(rows);
export const path = new Uint8Array(rows);
for (let i = 0, r = 0; i < LEADS; i++) {
  let t = T0 + rand() * 30 * DAY;
  for (let k = 0; k < PER_LEAD; k++, r++) {
    leadIndex[r] = i;
    const u = rand();
    type[r] = u < 0.7 ? 0 : u < 0.8 ? 1 : u < 0.82 ? 2 : 3;
    t += rand() * 4 * DAY;
    at[r] = Math.floor(t);
    path[r] = type[r] === 0 ? Math.floor(rand() * 5) : 5;
  }
}
