/** What a session may do in the accountability section of an incident page, and who it is. */
import type { Session } from '../../api-types';
import type { Self } from './words';

/** What the session may do here, and who it is. */
export interface AccountabilityAccess {
  readonly self: Self;
  /** Holds incident.verify: ladder steps and the edit lock. */
  readonly canVerify: boolean;
  /** Holds incident.assign. */
  readonly canAssign: boolean;
  /** Holds incident.attribute. */
  readonly canAttribute: boolean;
  /** Holds finding.record. */
  readonly canRecordFinding: boolean;
}

/** The access of a session. */
export function accountabilityAccess(session: Session): AccountabilityAccess {
  const holds = (verb: string) => session.verbs.includes(verb);
  return {
    self: { id: session.user.id, name: session.user.name },
    canVerify: holds('incident.verify'),
    canAssign: holds('incident.assign'),
    canAttribute: holds('incident.attribute'),
    canRecordFinding: holds('finding.record'),
  };
}
