/**
 * Accountability's reads as domain records (core/accountability/records.ts): the rows of
 * accountability-store.ts mapped once, here, with their JSON columns parsed, and the few reads
 * only the accountability services need. Services import these, never row types.
 */
import type { Severity } from '../core/agreements/vocabulary.js';
import type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerEvaluation,
  TriggerResult,
  VerificationStatus,
} from '../core/accountability/model.js';
import type {
  Activation,
  Alert,
  Attribution,
  Finding,
  FindingEvaluation,
  GuarantorResponse,
  VerificationStep,
} from '../core/accountability/records.js';
import {
  activationFor,
  activationsDue,
  alertsAfter,
  alertsOf,
  attributionsOf,
  evaluationsOf,
  findActivation,
  findAlert,
  findFinding,
  findingsOf,
  listActivations,
  listAlerts,
  responsesTo,
  runningActivationsOf,
  verificationSteps,
} from './accountability-store.js';
import type { Db } from './transactions.js';
import type {
  ActivationRow,
  AlertRow,
  AttributionRow,
  FindingRow,
  GuarantorResponseRow,
  TriggerEvaluationRow,
  VerificationStepRow,
} from './schema.js';

/** An incident's verification steps, oldest first. */
export async function readVerificationSteps(
  db: Db,
  incidentId: string,
): Promise<VerificationStep[]> {
  return (await verificationSteps(db, incidentId)).map(toVerificationStep);
}

/** An incident's attribution versions, oldest first (the last is current). */
export async function readAttributions(db: Db, incidentId: string): Promise<Attribution[]> {
  return (await attributionsOf(db, incidentId)).map(toAttribution);
}

/** An incident's findings, in the order they were recorded. */
export async function readFindings(db: Db, incidentId: string): Promise<Finding[]> {
  return (await findingsOf(db, incidentId)).map(toFinding);
}

/** One finding, or undefined. */
export async function readFinding(db: Db, id: string): Promise<Finding | undefined> {
  const row = await findFinding(db, id);
  return row === undefined ? undefined : toFinding(row);
}

/** The engine's latest answers for a finding, one per commitment it weighed in words. */
export async function readEvaluations(db: Db, findingId: string): Promise<FindingEvaluation[]> {
  return (await evaluationsOf(db, findingId)).map(toEvaluation);
}

/**
 * The conditions met (in words) by one of the findings that trigger a commitment, as the
 * engine last explained them; empty when none of them triggers it.
 */
export async function triggeredConditions(
  db: Db,
  findingIds: readonly string[],
  commitment: { documentId: string; commitmentId: string },
): Promise<string[]> {
  const row = await db
    .selectFrom('trigger_evaluations')
    .select('explanation')
    .where('finding_id', 'in', findingIds.length > 0 ? findingIds : [''])
    .where('document_id', '=', commitment.documentId)
    .where('commitment_id', '=', commitment.commitmentId)
    .where('result', '=', 'triggered')
    .executeTakeFirst();
  return row === undefined ? [] : (JSON.parse(row.explanation) as { met: string[] }).met;
}

/** The incidents that have at least one finding. */
export async function incidentsWithFindings(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('findings').select('incident_id').distinct().execute();
  return rows.map((row) => row.incident_id);
}

/** Which of the given report ids are reports of the incident. */
export async function reportsOfIncident(
  db: Db,
  incidentId: string,
  reportIds: readonly string[],
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('id', 'in', reportIds)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Who an incident is assigned to (the user's name), and since when; undefined when nobody. */
export async function assignmentOf(
  db: Db,
  incidentId: string,
): Promise<{ assignee: string; assignedAt: string } | undefined> {
  const row = await db
    .selectFrom('incident_assignments')
    .innerJoin('users', 'users.id', 'incident_assignments.assignee')
    .select(['users.name as assignee', 'assigned_at'])
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return row === undefined ? undefined : { assignee: row.assignee, assignedAt: row.assigned_at };
}

/** One activation, or undefined. */
export async function readActivation(db: Db, id: string): Promise<Activation | undefined> {
  const row = await findActivation(db, id);
  return row === undefined ? undefined : toActivation(row);
}

/** The activation of a commitment for an incident, whatever its status, if any. */
export async function readActivationFor(
  db: Db,
  documentId: string,
  commitmentId: string,
  incidentId: string,
): Promise<Activation | undefined> {
  const row = await activationFor(db, documentId, commitmentId, incidentId);
  return row === undefined ? undefined : toActivation(row);
}

/** An incident's open and overdue activations. */
export async function readRunningActivations(db: Db, incidentId: string): Promise<Activation[]> {
  return (await runningActivationsOf(db, incidentId)).map(toActivation);
}

/** Activations whose clock has run out at `now` (see activationsDue). */
export async function readActivationsDue(db: Db, now: string): Promise<Activation[]> {
  return (await activationsDue(db, now)).map(toActivation);
}

/** Activations, newest first, optionally of one obligor or status. */
export async function readActivations(
  db: Db,
  filter: { obligor?: string | undefined; status?: string | undefined; limit: number },
): Promise<Activation[]> {
  return (await listActivations(db, filter)).map(toActivation);
}

/** An incident's activations, oldest first. */
export async function readActivationsOfIncident(db: Db, incidentId: string): Promise<Activation[]> {
  const rows = await db
    .selectFrom('activations')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('activated_at')
    .execute();
  return rows.map(toActivation);
}

/** Every activation, in no promised order. */
export async function readAllActivations(db: Db): Promise<Activation[]> {
  return (await db.selectFrom('activations').selectAll().execute()).map(toActivation);
}

/** The responses to an activation, in the order they were given. */
export async function readResponses(db: Db, activationId: string): Promise<GuarantorResponse[]> {
  return (await responsesTo(db, activationId)).map(toResponse);
}

/** For each activation answered, when its first qualifying response was given. */
export async function firstQualifyingResponses(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('guarantor_responses')
    .select(['activation_id', 'responded_at'])
    .where('qualifying', '=', 1)
    .orderBy('responded_at')
    .execute();
  const first = new Map<string, string>();
  for (const row of rows) {
    if (!first.has(row.activation_id)) first.set(row.activation_id, row.responded_at);
  }
  return first;
}

/** The alerts about an activation, oldest first. */
export async function readAlertsOf(db: Db, activationId: string): Promise<Alert[]> {
  return (await alertsOf(db, activationId)).map(toAlert);
}

/** One alert, or undefined. */
export async function readAlert(db: Db, id: string): Promise<Alert | undefined> {
  const row = await findAlert(db, id);
  return row === undefined ? undefined : toAlert(row);
}

/** Alerts, newest first, optionally of one obligor, message type or activation. */
export async function readAlerts(
  db: Db,
  filter: Parameters<typeof listAlerts>[1],
): Promise<Alert[]> {
  return (await listAlerts(db, filter)).map(toAlert);
}

/** Alerts after a position in the (sent, id) order, oldest first (see alertsAfter). */
export async function readAlertsAfter(
  db: Db,
  after: { sent: string; id: string },
  filter: { obligor?: string | undefined; limit: number },
): Promise<Alert[]> {
  return (await alertsAfter(db, after, filter)).map(toAlert);
}

function toVerificationStep(row: VerificationStepRow): VerificationStep {
  return {
    from: row.from_status as VerificationStatus,
    to: row.to_status as VerificationStatus,
    method: row.method,
    notes: row.notes,
    obstructionIncidentId: row.obstruction_incident_id,
    by: row.decided_by,
    at: row.decided_at,
    eventId: row.id,
  };
}

function toAttribution(row: AttributionRow): Attribution {
  return {
    version: row.version,
    actor: row.actor,
    declined: row.actor === null,
    declinedReason: row.declined_reason,
    confidence: row.confidence as AttributionConfidence | null,
    basis: JSON.parse(row.basis) as Attribution['basis'],
    dissent: row.dissent,
    by: row.claimed_by,
    at: row.claimed_at,
    eventId: row.event_id,
  };
}

function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    incidentId: row.incident_id,
    documentId: row.document_id,
    provisionId: row.provision_id,
    severity: row.severity as Severity,
    notes: row.notes,
    by: row.found_by,
    at: row.found_at,
    eventId: row.event_id,
  };
}

function toEvaluation(row: TriggerEvaluationRow): FindingEvaluation {
  const { met, unmet } = JSON.parse(row.explanation) as Pick<TriggerEvaluation, 'met' | 'unmet'>;
  return {
    documentId: row.document_id,
    commitmentId: row.commitment_id,
    result: row.result as TriggerResult,
    met: [...met],
    unmet: [...unmet],
    evaluatedAt: row.evaluated_at,
  };
}

function toActivation(row: ActivationRow): Activation {
  return {
    id: row.id,
    documentId: row.document_id,
    commitmentId: row.commitment_id,
    obligor: row.obligor,
    incidentId: row.incident_id,
    findingIds: JSON.parse(row.finding_ids) as string[],
    activatedAt: row.activated_at,
    deadline: row.deadline,
    breachAt: row.breach_at,
    tier: row.tier,
    status: row.status as ActivationStatus,
    late: row.late === 1,
    statusAt: row.status_at,
    eventId: row.event_id,
  };
}

function toResponse(row: GuarantorResponseRow): GuarantorResponse {
  return {
    id: row.id,
    actor: row.actor,
    type: row.type as GuarantorResponseType,
    description: row.description,
    respondedAt: row.responded_at,
    evidence: JSON.parse(row.evidence) as string[],
    qualifying: row.qualifying === 1,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    eventId: row.event_id,
  };
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    activationId: row.activation_id,
    obligor: row.obligor,
    msgType: row.msg_type,
    headline: row.headline,
    sent: row.sent,
    xml: row.xml,
  };
}
