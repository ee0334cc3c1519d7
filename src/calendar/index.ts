export { alwaysOpen } from './alwaysOpen';
export {
  type BusinessCalendar,
  type BusinessCalendarConfig,
  type BusinessDaysDuration,
  type BusinessDuration,
  type BusinessHours,
  businessCalendar,
  type ElapsedDuration,
  type InstantInput,
  isBusinessCalendar,
  type Weekday,
} from './businessCalendar';
export { type Period, type PeriodsOptions, type PeriodUnit, periodOf, periods } from './periods';
