/**
 * The verification ladder as rules (DOMAIN.md): which step may follow which, who may take it,
 * and the four-eyes rule. Pure: the service gathers who reported and triaged the incident and
 * asks here before anything is written, so a refused step changes nothing.
 */
import type { Role } from '../auth/permissions.js';
import { DomainError, invalid } from '../errors.js';
import { METHOD_REQUIRED, type VerificationStatus } from './model.js';

/**
 * The steps allowed from each status. Forward on the ladder one rung, or two from `reported`
 * when a monitor saw it directly (corroborated); any side exit before `verified`; and reopening
 * (back to `under_investigation`) from a decision.
 */
const NEXT: Readonly<Record<VerificationStatus, readonly VerificationStatus[]>> = {
  reported: ['under_investigation', 'corroborated', 'not_a_violation', 'unverifiable', 'rejected'],
  under_investigation: ['corroborated', 'not_a_violation', 'unverifiable', 'rejected'],
  corroborated: ['verified', 'under_investigation', 'not_a_violation', 'unverifiable', 'rejected'],
  verified: ['under_investigation'],
  not_a_violation: ['under_investigation'],
  unverifiable: ['under_investigation'],
  rejected: ['under_investigation'],
};

/** Decisions only a verifier may take: the two final words, and undoing either. */
const VERIFIER_ONLY: readonly VerificationStatus[] = ['verified', 'rejected'];

/** A step someone asks for. */
export interface VerificationStepRequest {
  readonly to: VerificationStatus;
  readonly method?: string | undefined;
  readonly notes?: string | undefined;
  /** For `unverifiable`: the obstruction incident that prevented verification. */
  readonly obstructionIncidentId?: string | undefined;
}

/** What the rules need to know about the incident and the person. */
export interface VerificationStepContext {
  readonly from: VerificationStatus;
  readonly role: Role;
  readonly userId: string;
  /** Users who submitted any of the incident's reports. */
  readonly reporters: ReadonlySet<string>;
  /** Users who triaged any of the incident's reports (public submissions). */
  readonly triagers: ReadonlySet<string>;
}

/** The statuses a step may go to from `from` (for forms that offer only allowed steps). */
export function nextStatuses(from: VerificationStatus): readonly VerificationStatus[] {
  return NEXT[from];
}

/**
 * Throws when the step may not be taken: VALIDATION_FAILED for a missing method or obstruction
 * link, STEP_REFUSED for a step the ladder does not allow from here, FORBIDDEN for a role or a
 * four-eyes violation. Returns nothing when the step is allowed.
 */
export function checkVerificationStep(
  request: VerificationStepRequest,
  context: VerificationStepContext,
): void {
  const { to } = request;
  const { from } = context;
  if (!NEXT[from].includes(to)) {
    throw new DomainError(
      'STEP_REFUSED',
      `an incident that is ${words(from)} cannot be set to ${words(to)}`,
      [
        {
          path: 'status',
          message: `allowed from ${words(from)}: ${NEXT[from].map(words).join(', ')}`,
        },
      ],
    );
  }
  const undoing = to === 'under_investigation' && VERIFIER_ONLY.includes(from);
  if ((VERIFIER_ONLY.includes(to) || undoing) && context.role !== 'verifier') {
    throw new DomainError(
      'FORBIDDEN',
      `only a verifier may ${undoing ? `reopen an incident that is ${words(from)}` : `set an incident to ${words(to)}`}`,
      [{ path: 'status', message: 'this decision needs the verifier role' }],
    );
  }
  if (to === 'verified') {
    const roles = [
      context.reporters.has(context.userId) ? 'reported' : undefined,
      context.triagers.has(context.userId) ? 'triaged' : undefined,
    ].filter((r) => r !== undefined);
    if (roles.length > 0) {
      throw new DomainError(
        'FORBIDDEN',
        `four eyes: you ${roles.join(' and ')} this incident, so another verifier must verify it`,
        [{ path: 'status', message: 'the verifier must not be who reported or triaged it' }],
      );
    }
  }
  if (METHOD_REQUIRED.includes(to) && (request.method ?? '').trim() === '') {
    throw invalid('method', `say how the incident was found ${words(to)}`);
  }
  if (to === 'unverifiable' && (request.obstructionIncidentId ?? '').trim() === '') {
    throw invalid(
      'obstructionIncidentId',
      'name the obstruction incident that prevented verification',
    );
  }
  if (to !== 'unverifiable' && request.obstructionIncidentId !== undefined) {
    throw invalid('obstructionIncidentId', 'only an unverifiable incident names an obstruction');
  }
}

/** A status in words: `under_investigation` -> "under investigation". */
export function words(status: VerificationStatus): string {
  return status.replace(/_/g, ' ');
}
