// Smoke test: every entry point of the built package loads under CommonJS.
const { check } = require('./checks.cjs');

check({
  root: require('leadmath'),
  funnel: require('leadmath/funnel'),
  plan: require('leadmath/plan'),
  scoring: require('leadmath/scoring'),
  calendar: require('leadmath/calendar'),
  sla: require('leadmath/sla'),
  reports: require('leadmath/reports'),
  adapters: require('leadmath/adapters'),
  schema: require('leadmath/model.schema.json'),
});
console.log('commonjs: ok');
