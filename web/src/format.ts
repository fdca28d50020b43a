/** Formatting of dates and durations for display, in the app's language. */
import { language, t } from './strings';

const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

/** A timestamp as a readable local date and time; the placeholder dash when null or invalid. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return t('time.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A timestamp as a readable local date without the time; the dash when null or invalid. */
export function formatDate(iso: string | null): string {
  if (iso === null) return t('time.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** A wait in seconds as words: "45 seconds", "1 minute", "15 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    return seconds === 1 ? t('time.oneSecond') : t('time.seconds', { count: seconds });
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('time.oneMinute') : t('time.minutes', { count: minutes });
}
