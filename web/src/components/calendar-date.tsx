/** A date of agreement data, shown as written inside a machine-readable `<time>` element. */
import { formatCalendarDate } from '../areas/agreements/format';

/** Renders `value` (`YYYY-MM-DD` or an ISO date-time with offset) without time-zone shifts. */
export function CalendarDate({ value }: { readonly value: string }) {
  return <time dateTime={value}>{formatCalendarDate(value)}</time>;
}
