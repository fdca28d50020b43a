/**
 * The trigger engine's checks: each condition's answer is a sentence when met, else the unmet
 * condition, and its outcome orders them so that the worst is the largest.
 */
import type { UnmetCondition } from './model.js';

/** A condition's outcome without its sentence, ordered so that the worst is the largest. */
export const MET = 0;
export const UNDECIDED = 1;
export const FAILED = 2;
export type Outcome = typeof MET | typeof UNDECIDED | typeof FAILED;

/** A check's outcome. */
export function outcomeOf(check: Check): Outcome {
  if (typeof check === 'string') return MET;
  return check.outcome === 'failed' ? FAILED : UNDECIDED;
}

/** A check's answer: a sentence when met, else the unmet condition. */
export type Check = string | UnmetCondition;

export function unmet(
  condition: UnmetCondition['condition'],
  outcome: UnmetCondition['outcome'],
  reason: string,
): UnmetCondition {
  return { condition, outcome, reason };
}
