// @ts-nocheck
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
