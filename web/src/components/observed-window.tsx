/** When something was observed: one time, or a window from one time to another. */
import { t } from '../strings';
import { DateTime } from './date-time';
import { Message } from './message';

/** Props of ObservedWindow. */
export interface ObservedWindowProps {
  /** ISO 8601 start of the window. */
  readonly from: string;
  /** ISO 8601 end of the window; the same as `from` for a single moment. */
  readonly to: string;
}

/** The window as machine-readable `<time>` elements inside words. */
export function ObservedWindow({ from, to }: ObservedWindowProps) {
  if (Date.parse(from) === Date.parse(to)) return <DateTime iso={from} empty={t('time.none')} />;
  return (
    <Message
      id="observed.window"
      values={{
        from: <DateTime iso={from} empty={t('time.none')} />,
        to: <DateTime iso={to} empty={t('time.none')} />,
      }}
    />
  );
}
