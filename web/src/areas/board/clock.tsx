/**
 * The board's response clocks: the order the board shows activations in (overdue and breached
 * first, then open ones by nearest deadline, then the rest), a clock that says "due in 1 d 3 h"
 * or "overdue by 2 h" and ticks every second, and the hook that gives it the time.
 */
import { useEffect, useState } from 'react';
import { DateTime } from '../../components/date-time';
import { t } from '../../strings';
import type { Activation } from '../accountability/types';
import { clockText } from '../accountability/words';

/** The time now (ms since the epoch), renewed every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** 0: overdue or breached; 1: open; 2: met or withdrawn. */
function urgency(activation: Activation): number {
  if (activation.status === 'overdue' || activation.status === 'breached') return 0;
  return activation.status === 'open' ? 1 : 2;
}

/** Milliseconds of a deadline, with "no deadline" after every real one. */
function deadlineMs(activation: Activation): number {
  return activation.deadline === null ? Number.POSITIVE_INFINITY : Date.parse(activation.deadline);
}

/**
 * The board's order: overdue and breached first (longest overdue first), then open ones by
 * nearest deadline, then met and withdrawn ones, most recently changed first.
 */
export function orderForBoard(activations: readonly Activation[]): Activation[] {
  return [...activations].sort((a, b) => {
    const byUrgency = urgency(a) - urgency(b);
    if (byUrgency !== 0) return byUrgency;
    if (urgency(a) === 2) return b.statusAt.localeCompare(a.statusAt);
    return deadlineMs(a) - deadlineMs(b);
  });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in its two largest units, short: "1 d 3 h", "2 h 5 min", "4 min 10 s". */
export function shortSpan(ms: number): string {
  const span = Math.max(0, Math.abs(ms));
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  const seconds = Math.floor((span % MINUTE) / SECOND);
  const parts =
    days > 0
      ? [t('board.days', { count: days }), t('board.hours', { count: hours })]
      : hours > 0
        ? [t('board.hours', { count: hours }), t('board.minutes', { count: minutes })]
        : [t('board.minutes', { count: minutes }), t('board.seconds', { count: seconds })];
  return parts.join(' ');
}

/**
 * The clock of one activation at `now`: while it waits for a response, how long until the
 * deadline or how long past it, in words and with the deadline as text; otherwise how it ended.
 */
export function BoardClock({ activation, now }: { activation: Activation; now: number }) {
  const waiting = activation.status !== 'met' && activation.status !== 'withdrawn';
  if (!waiting || activation.deadline === null) {
    return (
      <span className="board-clock">
        <span>{waiting ? t('board.noDeadline') : clockText(activation, now)}</span>
      </span>
    );
  }
  const left = Date.parse(activation.deadline) - now;
  return (
    <span className={`board-clock ${left > 0 ? 'board-clock-running' : 'board-clock-late'}`}>
      <strong className="board-clock-span" data-ms-left={left}>
        {left > 0
          ? t('board.dueIn', { time: shortSpan(left) })
          : t('board.overdueBy', { time: shortSpan(left) })}
      </strong>
      <span className="cell-note">
        {t('board.deadlineLabel')} <DateTime iso={activation.deadline} empty={t('time.none')} />
      </span>
    </span>
  );
}
