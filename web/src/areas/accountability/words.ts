/**
 * Words for accountability: verification steps, confidences, trigger results and conditions,
 * activation statuses, response types, who decided, and how long is left on a response clock.
 * Every closed list maps each of its words to a message, so a word the server adds fails the
 * type check until it has one; a word a newer server sends at run time is shown as it is.
 */
import { t, type MessageId } from '../../strings';
import type { Severity } from '../agreements/types';
import type {
  Activation,
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerCondition,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
} from './types';

/** Labels each word of `W` with a message, and shows an unknown word as it is. */
function labels<W extends string>(table: Readonly<Record<W, MessageId>>): (word: W) => string {
  return (word) => (Object.hasOwn(table, word) ? t(table[word]) : word);
}

/** A verification status in words ("under investigation", "not a violation"). */
export const verificationStatusLabel = labels<VerificationStatus>({
  reported: 'verification.reported',
  under_investigation: 'verification.under_investigation',
  corroborated: 'verification.corroborated',
  verified: 'verification.verified',
  not_a_violation: 'verification.not_a_violation',
  unverifiable: 'verification.unverifiable',
  rejected: 'verification.rejected',
});

/** How sure an attribution is, in words. */
export const confidenceLabel = labels<AttributionConfidence>({
  high: 'confidence.high',
  moderate: 'confidence.moderate',
  low: 'confidence.low',
});

/** A finding's severity in words. */
export const findingSeverityLabel = labels<Severity>({
  minor: 'severity.minor',
  major: 'severity.major',
  grave: 'severity.grave',
});

/** The trigger engine's answer in words. */
export const triggerResultLabel = labels<TriggerResult>({
  triggered: 'triggerResult.triggered',
  not_triggered: 'triggerResult.not_triggered',
  indeterminate: 'triggerResult.indeterminate',
});

/** Which trigger condition, in words. */
export const conditionLabel = labels<TriggerCondition>({
  precondition: 'condition.precondition',
  validity: 'condition.validity',
  event_type: 'condition.event_type',
  verification: 'condition.verification',
  severity: 'condition.severity',
  actor: 'condition.actor',
  zone: 'condition.zone',
  location: 'condition.location',
  determination: 'condition.determination',
});

/** Whether an unmet condition failed or cannot be decided, in words. */
export const unmetOutcomeLabel = labels<UnmetCondition['outcome']>({
  failed: 'unmet.failed',
  undecided: 'unmet.undecided',
});

/** An activation's status in words. */
export const activationStatusLabel = labels<ActivationStatus>({
  open: 'activationStatus.open',
  met: 'activationStatus.met',
  overdue: 'activationStatus.overdue',
  breached: 'activationStatus.breached',
  withdrawn: 'activationStatus.withdrawn',
});

/** A kind of guarantor response in words. */
export const responseTypeLabel = labels<GuarantorResponseType>({
  statement: 'responseType.statement',
  consultation: 'responseType.consultation',
  action: 'responseType.action',
});

/**
 * The signed-in person, to recognise their own decisions, and the names the server gave for
 * the principal ids it mentions (`user:<id>`, `token:<id>`).
 */
export interface Self {
  readonly id: string;
  readonly name: string;
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * Who took a decision, from the server's principal id: "you (analyst)" for the signed-in
 * person, another person by name ("verifier"), "Truce (trigger-engine)" for the system.
 */
export function principalText(by: string, self: Self): string {
  const colon = by.indexOf(':');
  const kind = colon === -1 ? '' : by.slice(0, colon);
  const id = by.slice(colon + 1);
  const name = self.names?.[by];
  if (kind === 'user' && id === self.id) return t('who.you', { name: self.name });
  if (kind === 'user') return name === undefined ? t('who.user', { id }) : name;
  if (kind === 'token')
    return name === undefined ? t('who.token', { id }) : t('who.tokenOf', { name });
  if (kind === 'system') return t('who.system', { what: id });
  return by;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(count: number, one: MessageId, many: MessageId): string {
  return count === 1 ? t(one) : t(many, { count });
}

/** A span of time in the two largest units: "2 days 3 hours", "5 hours 10 minutes". */
export function spanText(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return t('span.lessThanMinute');
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  const dayText = unit(days, 'span.oneDay', 'span.days');
  const hourText = unit(hours, 'span.oneHour', 'span.hours');
  const minuteText = unit(minutes, 'span.oneMinute', 'span.minutes');
  if (days > 0) return hours > 0 ? t('span.pair', { a: dayText, b: hourText }) : dayText;
  if (hours > 0) return minutes > 0 ? t('span.pair', { a: hourText, b: minuteText }) : hourText;
  return minuteText;
}

/**
 * Where the response clock stands at `now` (ms since the epoch): time left before the deadline,
 * or how late, while the activation waits for a response; otherwise how it ended.
 */
export function clockText(activation: Activation, now: number): string {
  if (activation.status === 'withdrawn') return t('clock.withdrawn');
  if (activation.status === 'met') return activation.late ? t('clock.metLate') : t('clock.met');
  if (activation.deadline === null) return t('clock.noDeadline');
  const left = Date.parse(activation.deadline) - now;
  return left > 0
    ? t('clock.left', { span: spanText(left) })
    : t('clock.late', { span: spanText(left) });
}
