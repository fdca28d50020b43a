/**
 * Every state change in Truce is one of these events. Services build them; the store's
 * `record(tx, events)` appends them to the record and applies them to the read tables, in the
 * caller's transaction. Secrets (password and token hashes) never appear in an event.
 */
import type { Actor, AgreementDocument } from './agreements/file-schema.js';
import type { DocumentPart, PartKind } from './agreements/stored.js';
import type { Role } from './auth/permissions.js';
import type { StoredReport } from './reports/report.js';
import type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
} from './accountability/model.js';
import type { Severity } from './agreements/vocabulary.js';

/** The change itself, by type. */
export type EventBody =
  | {
      type: 'user.added';
      payload: { userId: string; name: string; role: Role; actor: string | null };
    }
  | { type: 'user.role_set'; payload: { userId: string; role: Role; actor: string | null } }
  | { type: 'user.disabled'; payload: { userId: string } }
  | { type: 'user.enabled'; payload: { userId: string } }
  | { type: 'user.password_set'; payload: { userId: string } }
  | {
      type: 'token.created';
      payload: { tokenId: string; userId: string; label: string; expiresAt: string | null };
    }
  | { type: 'token.revoked'; payload: { tokenId: string } }
  | { type: 'instance.demo_loaded'; payload: { users: string[] } }
  | { type: 'actor.saved'; payload: { actor: Actor } }
  | { type: 'document.saved'; payload: { document: AgreementDocument } }
  | {
      type: 'document.part_saved';
      payload: { documentId: string; id: string; position: number } & DocumentPart;
    }
  | { type: 'document.part_removed'; payload: { documentId: string; part: PartKind; id: string } }
  /** Reports in the order they were acknowledged; grouping applies them in this order. */
  | { type: 'reports.received'; payload: { reports: StoredReport[] } }
  /** A public submission triaged: accepted ones join incidents, rejected ones stay out. */
  /** A person put these incidents together: their reports form one incident from now on. */
  | { type: 'incidents.merged'; payload: { incidentIds: string[]; reason: string } }
  /**
   * A person took these reports out of their incident into a new one; automatic grouping never
   * puts them back together with the reports left behind.
   */
  | { type: 'incident.split'; payload: { incidentId: string; reportIds: string[]; reason: string } }
  | {
      type: 'report.triaged';
      payload: { reportId: string; decision: 'accepted' | 'rejected'; reason: string };
    }
  /** One step of an incident's verification (the rules are core/accountability/verification). */
  | {
      type: 'incident.verification_set';
      payload: {
        incidentId: string;
        from: VerificationStatus;
        to: VerificationStatus;
        method: string | null;
        notes: string | null;
        obstructionIncidentId: string | null;
      };
    }
  /** Incidents given to a person to work on (null: nobody). */
  | { type: 'incidents.assigned'; payload: { incidentIds: string[]; assignee: string | null } }
  /** A new version of an incident's attribution claim; `actor` null when declined. */
  | {
      type: 'incident.attributed';
      payload: {
        incidentId: string;
        version: number;
        actor: string | null;
        declinedReason: string | null;
        confidence: AttributionConfidence | null;
        basis: { reportIds: string[]; evidence: string[]; text: string };
        dissent: string | null;
      };
    }
  /** An incident qualified against a provision of a document. */
  | {
      type: 'finding.recorded';
      payload: {
        findingId: string;
        incidentId: string;
        documentId: string;
        provisionId: string;
        severity: Severity;
        notes: string | null;
      };
    }
  /**
   * What the trigger engine answered for a finding, the whole answer each time: every
   * commitment that fired or could not be decided, and every commitment of the finding's own
   * agreement, each with its reasons.
   */
  | {
      type: 'commitments.evaluated';
      payload: {
        findingId: string;
        evaluations: {
          documentId: string;
          commitmentId: string;
          result: TriggerResult;
          met: string[];
          unmet: UnmetCondition[];
        }[];
        /**
         * Commitments of other agreements whose trigger names the incident's type and that the
         * engine answered `not_triggered`: counted, not listed (there can be thousands). Absent
         * in records written before the engine explained only what it had to.
         */
        notTriggeredElsewhere?: number;
      };
    }
  /** A commitment activated: the response clock starts. */
  | {
      type: 'activation.opened';
      payload: {
        activationId: string;
        documentId: string;
        commitmentId: string;
        obligor: string;
        incidentId: string;
        findingIds: string[];
        deadline: string | null;
        breachAt: string | null;
        tier: number;
      };
    }
  /** An activation changed state (met, overdue, breached, withdrawn), with why. */
  | {
      type: 'activation.status_set';
      payload: {
        activationId: string;
        status: ActivationStatus;
        tier: number;
        late: boolean;
        reason: string;
      };
    }
  /**
   * A CAP 1.2 message about an activation, exactly as sent: the record proves what guarantors
   * were told, and when.
   */
  | {
      type: 'alert.issued';
      payload: {
        alertId: string;
        activationId: string;
        obligor: string;
        msgType: 'Alert' | 'Update' | 'Cancel';
        headline: string;
        xml: string;
      };
    }
  /** A guarantor's response to an activation. */
  | {
      type: 'response.recorded';
      payload: {
        responseId: string;
        activationId: string;
        actor: string;
        type: GuarantorResponseType;
        description: string;
        respondedAt: string;
        evidence: string[];
        qualifying: boolean;
      };
    };

export type EventType = EventBody['type'];

/** An event as recorded: who did it, when, under which schema version. */
export type RecordedEvent = EventBody & {
  readonly id: string;
  readonly version: 1;
  readonly at: string;
  /** The acting user id, `token:<id>`, or `system:<what>` for the CLI and start-up. */
  readonly by: string;
};

/** Wraps event bodies with id, time and actor. The id generator and time are passed in. */
export function stampEvents(
  bodies: readonly EventBody[],
  context: { at: string; by: string; newId: () => string },
): RecordedEvent[] {
  return bodies.map((body) => ({
    ...body,
    id: context.newId(),
    version: 1,
    at: context.at,
    by: context.by,
  }));
}
