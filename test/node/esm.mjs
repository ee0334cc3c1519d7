// Smoke test: every entry point of the built package loads under ESM.
import { createRequire } from 'node:module';
import * as root from 'leadmath';
import * as adapters from 'leadmath/adapters';
import * as calendar from 'leadmath/calendar';
import * as funnel from 'leadmath/funnel';
import * as plan from 'leadmath/plan';
import * as reports from 'leadmath/reports';
import * as scoring from 'leadmath/scoring';
import * as sla from 'leadmath/sla';

const require = createRequire(import.meta.url);
const schema = require('leadmath/model.schema.json');
const { check } = require('./checks.cjs');

check({ root, funnel, plan, scoring, calendar, sla, schema, reports, adapters });
console.log('esm: ok');
