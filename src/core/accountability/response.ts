/**
 * A guarantor's answer to an activation: whether a response is of a kind the commitment
 * promises, and the clock it runs against (deadline, then a grace period as long again).
 */
import { addDuration, parseDuration } from '../agreements/duration.js';
import type { Commitment } from '../agreements/file-schema.js';
import { PROCESS_RESPONSES } from '../agreements/vocabulary.js';
import type { GuarantorResponseType } from './model.js';

/**
 * Whether a response is of a kind the commitment promises. An action answers a commitment that
 * promises any action (or names no response); a consultation answers one that promises
 * consultation or whose deadline binds only a meeting; a statement answers only a promised
 * statement. A process never stands in for a promised action. An unknown commitment (removed
 * since) promises nothing, so only an action qualifies.
 */
export function qualifies(
  type: GuarantorResponseType,
  commitment: Commitment | undefined,
): boolean {
  const promised = commitment?.responses?.map((r) => r.kind) ?? [];
  switch (type) {
    case 'action':
      return promised.length === 0 || promised.some((k) => !PROCESS_RESPONSES.includes(k));
    case 'consultation':
      return promised.includes('consultation') || commitment?.deadline?.binds === 'meeting';
    case 'statement':
      return promised.includes('statement');
  }
}

/**
 * The response clock of a commitment activated at `at`: the deadline is its duration later;
 * the grace period after it, before the activation counts as breached, is as long again. A
 * commitment without a deadline (or with one that is not a duration) has no clock: both null.
 */
export function responseClock(
  commitment: Commitment,
  at: Date,
): { deadline: string | null; breachAt: string | null } {
  const text = commitment.deadline?.duration;
  const duration = text === undefined ? undefined : parseDuration(text);
  if (duration === undefined || typeof duration === 'string')
    return { deadline: null, breachAt: null };
  const deadline = addDuration(at, duration);
  return {
    deadline: deadline.toISOString(),
    breachAt: addDuration(deadline, duration).toISOString(),
  };
}
