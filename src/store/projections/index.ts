/**
 * The projections: read tables rebuilt from the record. `projectEvent` applies one event through
 * the one table below, which names a projector for every event type (a new type without one does
 * not compile). Nothing else writes these tables (projections/tables.ts lists them).
 */
import type { EventType, RecordedEvent } from '../../core/events.js';
import type { Db } from '../transactions.js';
import {
  assignIncidents,
  attributeIncident,
  issueAlert,
  openActivation,
  recordFinding,
  recordResponse,
  setActivationStatus,
  setVerification,
  storeEvaluations,
} from './accountability.js';
import { removePart, saveActor, saveDocument, savePart } from './agreements.js';
import type { Projector, Projectors } from './projector.js';
import { mergeIncidents, receiveReports, splitIncidentApart, triageReport } from './reports.js';
import {
  addUser,
  createToken,
  disableUser,
  enableUser,
  markDemoLoaded,
  revokeToken,
  setUserRole,
} from './users.js';

const projectors: Projectors = {
  'user.added': addUser,
  'user.role_set': setUserRole,
  'user.disabled': disableUser,
  'user.enabled': enableUser,
  // The hash itself is a secret kept in user_passwords, outside the record: nothing to project.
  'user.password_set': () => Promise.resolve(),
  'token.created': createToken,
  'token.revoked': revokeToken,
  'instance.demo_loaded': markDemoLoaded,
  'actor.saved': saveActor,
  'document.saved': saveDocument,
  'document.part_saved': savePart,
  'document.part_removed': removePart,
  'reports.received': receiveReports,
  'incidents.merged': mergeIncidents,
  'incident.split': splitIncidentApart,
  'report.triaged': triageReport,
  'incident.verification_set': setVerification,
  'incidents.assigned': assignIncidents,
  'incident.attributed': attributeIncident,
  'finding.recorded': recordFinding,
  'commitments.evaluated': storeEvaluations,
  'activation.opened': openActivation,
  'activation.status_set': setActivationStatus,
  'response.recorded': recordResponse,
  'alert.issued': issueAlert,
};

/** Applies one event to the projection tables, in the caller's transaction. */
export async function projectEvent(db: Db, event: RecordedEvent): Promise<void> {
  // An entry of a type this version does not know (read back from a record a newer version
  // wrote) changes no table, as before the table existed.
  if (!Object.hasOwn(projectors, event.type)) return;
  // The entry is the one for event.type; TypeScript cannot tie the two through the union.
  const project = projectors[event.type] as Projector<EventType>;
  await project(db, event);
}
