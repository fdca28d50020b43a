/**
 * Every state change in Truce is one of these events. Services build them; the store's
 * `record(tx, events)` appends them to the record and applies them to the read tables, in the
 * caller's transaction. Secrets (password and token hashes) never appear in an event.
 */
import type { Actor, AgreementDocument } from './agreements/file-schema.js';
import type { DocumentPart, PartKind } from './agreements/stored.js';
import type { Role } from './auth/permissions.js';
import type { StoredReport } from './reports/report.js';

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
