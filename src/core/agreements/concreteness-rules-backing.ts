/**
 * Concreteness points 9-13 (for how long, from when, who signed it, what is in place, and how
 * it connects to monitoring). Used by concreteness.ts.
 */
import { listOf, type Rule, type RuleInput, type RuleResult } from './concreteness-rules.js';
import type { SignatureStatus } from './vocabulary.js';

/** The rules of points 9-13, by checklist key. */
export const BACKING_RULES = {
  duration_exit: scoreDurationExit,
  preconditions: scorePreconditions,
  guarantor_bound: scoreGuarantorBound,
  material_backing: scoreMaterialBacking,
  monitoring_link: scoreMonitoringLink,
} satisfies Record<string, Rule>;

// Point 9. An end (date, duration or ending event): 2. Indefinite with a termination notice:
// 2. Indefinite without notice, a notice without a duration, or only a start date: 1. No
// validity (or an empty one): 0.
function scoreDurationExit({ commitment }: RuleInput): RuleResult {
  const v = commitment.validity ?? {};
  const ends = [
    ...(v.end ? [`until ${v.end}`] : []),
    ...(v.duration ? [`for ${v.duration}`] : []),
    ...(v.untilEvent ? [`until ${v.untilEvent}`] : []),
  ];
  const notice = v.terminationNotice ? `, with ${v.terminationNotice} notice of termination` : '';
  if (ends.length > 0)
    return { score: 2, reason: `It lasts ${listOf(ends)}${notice}.`, raise: null };
  if (v.indefinite && v.terminationNotice)
    return { score: 2, reason: `It is indefinite${notice}.`, raise: null };
  if (v.indefinite)
    return {
      score: 1,
      reason: 'It is indefinite, with no notice of termination.',
      raise: 'Add a notice period for termination, so a guarantor cannot leave overnight.',
    };
  if (v.terminationNotice || v.start)
    return {
      score: 1,
      reason: v.terminationNotice
        ? `A notice of termination (${v.terminationNotice}) is set, but not how long it lasts.`
        : `It starts on ${v.start}, but nothing says how long it lasts.`,
      raise: 'State an end date, a duration or the event that ends it.',
    };
  return {
    score: 0,
    reason: 'Nothing says how long it lasts or how a guarantor may leave.',
    raise:
      'State how long it lasts (an end date, a duration or an ending event) and a notice period.',
  };
}

// Point 10. No preconditions, or all met: 2. Exactly one pending (none failed): 1. Two or more
// pending, or any failed: 0.
function scorePreconditions({ commitment }: RuleInput): RuleResult {
  const preconditions = commitment.preconditions ?? [];
  const open = preconditions.filter((p) => p.status !== 'met');
  if (open.length === 0)
    return {
      score: 2,
      reason:
        preconditions.length === 0
          ? 'It has no precondition.'
          : `Its preconditions are met: ${listOf(preconditions.map((p) => `"${p.text}"`))}.`,
      raise: null,
    };
  const named = listOf(open.map((p) => `"${p.text}" (${p.status})`));
  const failed = open.some((p) => p.status === 'failed');
  return {
    score: open.length === 1 && !failed ? 1 : 0,
    reason: `It is not in force until ${named}.`,
    raise: failed
      ? 'Drop or replace the failed precondition, or it can never come into force.'
      : `Remove the precondition${open.length > 1 ? 's' : ''}, or set a date after which ${open.length > 1 ? 'they no longer apply' : 'it no longer applies'}.`,
  };
}

const SIGNATURE_SCORES: Record<SignatureStatus, 0 | 1 | 2> = {
  signed: 2,
  initialled: 1,
  pending: 1,
  present_not_signed: 0,
  refused: 0,
};

// Point 11. The obligor must be listed in the document's roles (else 0), and the clause must be
// in every final text: when `commitment.versions` is given and a stored 'final' version is not
// among them, the final text cut it (0). Then its best signature across its roles: signed 2;
// initialled or pending 1; present but not signed, refused or none recorded 0.
function scoreGuarantorBound({ commitment, document, versions }: RuleInput): RuleResult {
  const obligor = commitment.obligor;
  const roles = document.roles.filter((r) => r.actor === obligor);
  if (roles.length === 0)
    return {
      score: 0,
      reason: `The obligor ${obligor} is not listed among the document's signatories or roles.`,
      raise: `List ${obligor} in the document's roles and obtain its signature.`,
    };
  const listed = commitment.versions;
  const cutFrom = listed
    ? versions.filter((v) => v.kind === 'final' && !listed.includes(v.id)).map((v) => v.id)
    : [];
  if (cutFrom.length > 0)
    return {
      score: 0,
      reason: `The clause is only in ${listOf(listed ?? [])}; the final text (${listOf(cutFrom)}) cut it.`,
      raise: `Restore the clause in the final text (${listOf(cutFrom)}).`,
    };
  const best = roles
    .map((r) => ({ ...r, score: r.signature ? SIGNATURE_SCORES[r.signature] : 0 }))
    .sort((a, b) => b.score - a.score)[0];
  const status = best?.signature ?? 'no signature recorded';
  const reason = `${obligor} (${roles.map((r) => r.role).join(', ')}): ${status.replaceAll('_', ' ')}.`;
  if (best?.score === 2) return { score: 2, reason, raise: null };
  return {
    score: best?.score ?? 0,
    reason,
    raise:
      best?.score === 1
        ? `Obtain ${obligor}'s final signature, not only ${status}.`
        : `Obtain ${obligor}'s signature: ${status.replaceAll('_', ' ')} does not bind it.`,
  };
}

// Point 12. Backing in place: 2; planned: 1; none or not stated: 0.
function scoreMaterialBacking({ commitment }: RuleInput): RuleResult {
  const backing = commitment.backing;
  const detail = backing?.description ? ` (${backing.description})` : '';
  if (backing?.level === 'in_place')
    return { score: 2, reason: `Forces or supplies are in place${detail}.`, raise: null };
  if (backing?.level === 'planned')
    return {
      score: 1,
      reason: `Backing is planned, not in place${detail}.`,
      raise: 'Put the planned forces or supplies in place (deployed or pre-positioned).',
    };
  return {
    score: 0,
    reason: backing ? `No material backing${detail}.` : 'No material backing is stated.',
    raise: 'Back it with forces in place or pre-positioned supplies, or at least a plan for them.',
  };
}

// Point 13. The trigger names both the evidence level (minVerification) and the monitoring
// mechanism: 2; one of them: 1; neither: 0.
function scoreMonitoringLink({ commitment }: RuleInput): RuleResult {
  const level = commitment.trigger?.minVerification;
  const mechanism = commitment.trigger?.mechanism;
  if (level && mechanism)
    return {
      score: 2,
      reason: `The trigger requires a finding ${level.replaceAll('_', ' ')} by ${mechanism}.`,
      raise: null,
    };
  if (level)
    return {
      score: 1,
      reason: `The trigger requires evidence ${level.replaceAll('_', ' ')}, but names no monitoring mechanism.`,
      raise: 'Name the monitoring mechanism whose findings activate it.',
    };
  if (mechanism)
    return {
      score: 1,
      reason: `The trigger names ${mechanism}, but no evidence level.`,
      raise: 'Name the evidence level (e.g. corroborated or verified) a finding must reach.',
    };
  return {
    score: 0,
    reason: 'The trigger names no monitoring mechanism and no evidence level.',
    raise:
      'Name the monitoring mechanism and the evidence level (e.g. verified) the trigger requires.',
  };
}
