/** A timestamp shown as local text inside a machine-readable `<time>` element. */
import { formatDate, formatDateTime } from '../format';

/** Props of DateTime. */
export interface DateTimeProps {
  /** ISO 8601 timestamp; null shows `empty`. */
  readonly iso: string | null;
  /** Text for a missing timestamp, such as "Never". */
  readonly empty: string;
  /** Show the date without the time of day. */
  readonly dateOnly?: boolean;
}

/** Renders the timestamp, or `empty` when there is none. */
export function DateTime({ iso, empty, dateOnly = false }: DateTimeProps) {
  if (iso === null) return <>{empty}</>;
  return <time dateTime={iso}>{dateOnly ? formatDate(iso) : formatDateTime(iso)}</time>;
}
