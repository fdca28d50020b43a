/**
 * A commitment's validity worked out once for the trigger engine: its first and last instants in
 * force (a date-only end is its whole day; a duration counts from the start), and the sentences
 * that say whether an incident's window lies within.
 */
import type { Commitment } from '../agreements/file-schema.js';
import { instantOf } from '../agreements/dates.js';
import { addDuration, parseDuration } from '../agreements/duration.js';
import { unmet, type Check } from './trigger-checks.js';

export interface PreparedValidity {
  /** First and last instants in force, ms; -Infinity and Infinity when open. */
  readonly startMs: number;
  readonly endMs: number;
  readonly startLabel: string;
  readonly endLabel: string;
  /** The sentence when the incident's window lies within, or the problem reading it. */
  readonly within: Check;
  /** The ends of the reasons when the window lies wholly before or after. */
  readonly endsBefore: string;
  readonly beginsAfter: string;
}

const DAY_MS = 86_400_000;

export function prepareValidity(validity: Commitment['validity'] = {}): PreparedValidity {
  const { start, untilEvent, indefinite, duration } = validity;
  const startMs = start === undefined ? -Infinity : instantOf(start);
  const startLabel = start === undefined ? '' : dayStartLabel(start);
  const end = endOf(validity, startMs);
  const endMs = typeof end === 'string' ? Infinity : end.ms;
  const endLabel = typeof end === 'string' ? '' : end.label;
  const edges = {
    startMs,
    endMs,
    startLabel,
    endLabel,
    endsBefore: ` ends before the commitment is in force (from ${startLabel})`,
    beginsAfter: ` begins after the commitment's validity ended (${endLabel})`,
  };
  if (typeof end === 'string') {
    const reason = `its duration "${duration}" cannot be read (${end}), so Truce cannot tell whether it was in force`;
    return { ...edges, within: unmet('validity', 'undecided', reason) };
  }
  const words = [
    start === undefined ? '' : `from ${startLabel}`,
    end.label === '' ? '' : `to ${end.label}`,
    untilEvent ? `until ${untilEvent}, which Truce does not track` : '',
    indefinite ? 'indefinitely' : '',
    duration && start === undefined
      ? `for ${duration} from a start the commitment does not date, so its end is not checked`
      : '',
  ].filter((part) => part !== '');
  const within =
    words.length === 0
      ? 'the commitment has no validity limits'
      : `the incident's window lies within the commitment's validity: in force ${words.join(' ')}`;
  return { ...edges, within };
}

/**
 * The last instant in force: a date-only end is the last day in force, so its end counts; a
 * duration counts from the start. Without an end (or a start for the duration), it stays open:
 * an undated start is usually a precondition, checked as one.
 */
function endOf(
  validity: NonNullable<Commitment['validity']>,
  startMs: number,
): { ms: number; label: string } | string {
  if (validity.end !== undefined) {
    return { ms: lastInstantOf(validity.end), label: dayEndLabel(validity.end) };
  }
  if (validity.duration === undefined || startMs === -Infinity) return { ms: Infinity, label: '' };
  const duration = parseDuration(validity.duration);
  if (typeof duration === 'string') return duration;
  const after = addDuration(new Date(startMs), duration).getTime();
  const label = `${new Date(after).toISOString()} (${validity.duration} after the start)`;
  return { ms: after - 1, label };
}

/** A date-only text means its whole day: its last instant is the end of that day (UTC). */
export function lastInstantOf(text: string): number {
  return text.length === 10 ? instantOf(text) + DAY_MS - 1 : instantOf(text);
}

function dayStartLabel(text: string): string {
  return text.length === 10 ? `the start of ${text} (UTC)` : text;
}

function dayEndLabel(text: string): string {
  return text.length === 10 ? `the end of ${text} (UTC)` : text;
}
