/**
 * The projection of accountability events: verification steps, assignments, attributions,
 * findings, trigger evaluations, activations, guarantor responses and alerts.
 */
import canonicalize from 'canonicalize';
import type { Db } from '../transactions.js';
import type { EventOf } from './projector.js';

/** A step of an incident's verification, and the incident's new status. */
export async function setVerification(
  tx: Db,
  event: EventOf<'incident.verification_set'>,
): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('verification_steps')
    .values({
      id: event.id,
      incident_id: p.incidentId,
      from_status: p.from,
      to_status: p.to,
      method: p.method,
      notes: p.notes,
      obstruction_incident_id: p.obstructionIncidentId,
      decided_by: event.by,
      decided_at: event.at,
    })
    .execute();
  await tx.updateTable('incidents').set({ status: p.to }).where('id', '=', p.incidentId).execute();
}

/** Incidents assigned to someone, or to no one (assignee null). */
export async function assignIncidents(tx: Db, event: EventOf<'incidents.assigned'>): Promise<void> {
  const { incidentIds, assignee } = event.payload;
  await tx.deleteFrom('incident_assignments').where('incident_id', 'in', incidentIds).execute();
  if (assignee !== null) {
    await tx
      .insertInto('incident_assignments')
      .values(
        incidentIds.map((id) => ({
          incident_id: id,
          assignee,
          assigned_by: event.by,
          assigned_at: event.at,
        })),
      )
      .execute();
  }
}

/** A new version of an incident's attribution. */
export async function attributeIncident(
  tx: Db,
  event: EventOf<'incident.attributed'>,
): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('attributions')
    .values({
      key: `${p.incidentId}/${p.version}`,
      incident_id: p.incidentId,
      version: p.version,
      actor: p.actor,
      declined_reason: p.declinedReason,
      confidence: p.confidence,
      basis: canonicalJson(p.basis),
      dissent: p.dissent,
      claimed_by: event.by,
      claimed_at: event.at,
      event_id: event.id,
    })
    .execute();
}

/** A finding: an incident judged against a provision. */
export async function recordFinding(tx: Db, event: EventOf<'finding.recorded'>): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('findings')
    .values({
      id: p.findingId,
      incident_id: p.incidentId,
      document_id: p.documentId,
      provision_id: p.provisionId,
      severity: p.severity,
      notes: p.notes,
      found_by: event.by,
      found_at: event.at,
      event_id: event.id,
    })
    .execute();
}

/** A finding's evaluation against the commitments, replacing the last one. */
export async function storeEvaluations(
  tx: Db,
  event: EventOf<'commitments.evaluated'>,
): Promise<void> {
  // Each event is the finding's whole answer, so it replaces the rows of the last one.
  const { findingId, evaluations } = event.payload;
  await tx.deleteFrom('trigger_evaluations').where('finding_id', '=', findingId).execute();
  for (const e of evaluations) {
    const row = {
      key: `${findingId}/${e.documentId}/${e.commitmentId}`,
      finding_id: findingId,
      document_id: e.documentId,
      commitment_id: e.commitmentId,
      result: e.result,
      explanation: canonicalJson({ met: e.met, unmet: e.unmet }),
      evaluated_at: event.at,
    };
    await tx.insertInto('trigger_evaluations').values(row).execute();
  }
}

/** A commitment activated by findings, open until answered or breached. */
export async function openActivation(tx: Db, event: EventOf<'activation.opened'>): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('activations')
    .values({
      id: p.activationId,
      document_id: p.documentId,
      commitment_id: p.commitmentId,
      obligor: p.obligor,
      incident_id: p.incidentId,
      finding_ids: canonicalJson(p.findingIds),
      activated_at: event.at,
      deadline: p.deadline,
      breach_at: p.breachAt,
      tier: p.tier,
      status: 'open',
      late: 0,
      status_at: event.at,
      event_id: event.id,
    })
    .execute();
}

/** An activation's new status, tier and lateness. */
export async function setActivationStatus(
  tx: Db,
  event: EventOf<'activation.status_set'>,
): Promise<void> {
  const p = event.payload;
  await tx
    .updateTable('activations')
    .set({ status: p.status, tier: p.tier, late: p.late ? 1 : 0, status_at: event.at })
    .where('id', '=', p.activationId)
    .execute();
}

/** A guarantor's response to an activation. */
export async function recordResponse(tx: Db, event: EventOf<'response.recorded'>): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('guarantor_responses')
    .values({
      id: p.responseId,
      activation_id: p.activationId,
      actor: p.actor,
      type: p.type,
      description: p.description,
      responded_at: p.respondedAt,
      evidence: canonicalJson(p.evidence),
      qualifying: p.qualifying ? 1 : 0,
      recorded_by: event.by,
      recorded_at: event.at,
      event_id: event.id,
    })
    .execute();
}

/** A CAP alert issued for an activation. */
export async function issueAlert(tx: Db, event: EventOf<'alert.issued'>): Promise<void> {
  const p = event.payload;
  await tx
    .insertInto('alerts')
    .values({
      id: p.alertId,
      activation_id: p.activationId,
      obligor: p.obligor,
      msg_type: p.msgType,
      headline: p.headline,
      sent: event.at,
      xml: p.xml,
    })
    .execute();
}

/**
 * JSON with sorted keys (RFC 8785): the same text whether the event came from a service or was
 * read back from the record, so a replay gives byte-identical rows.
 */
function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
