/**
 * The tables, as Kysely sees them. Times are ISO 8601 UTC strings (`2026-01-06T12:00:00.000Z`)
 * on both dialects, so they compare and sort the same in SQLite and PostgreSQL.
 *
 * The record (system of record): record_entries, record_tiles, record_checkpoints.
 * Projections (rebuilt from the record): users, api_tokens, instance_settings, actors,
 * documents, document_parts.
 * Operational state (never in the record): user_passwords, api_token_secrets, sessions;
 * contents (texts and files by SHA-256, which the record references by hash).
 */

export interface Database {
  record_entries: RecordEntryRow;
  record_tiles: RecordTileRow;
  record_checkpoints: RecordCheckpointRow;
  users: UserRow;
  user_passwords: UserPasswordRow;
  api_tokens: ApiTokenRow;
  api_token_secrets: ApiTokenSecretRow;
  sessions: SessionRow;
  instance_settings: InstanceSettingRow;
  actors: ActorRow;
  documents: DocumentRow;
  document_parts: DocumentPartRow;
  contents: ContentRow;
  reports: ReportRow;
  incidents: IncidentRow;
  grouping_links: GroupingLinkRow;
  grouping_apart: GroupingApartRow;
  grouping_decisions: GroupingDecisionRow;
  grouping_decision_reports: GroupingDecisionReportRow;
  projection_marks: ProjectionMarkRow;
  verification_steps: VerificationStepRow;
  incident_assignments: IncidentAssignmentRow;
  incident_locks: IncidentLockRow;
  attributions: AttributionRow;
  findings: FindingRow;
  trigger_evaluations: TriggerEvaluationRow;
  activations: ActivationRow;
  guarantor_responses: GuarantorResponseRow;
  alerts: AlertRow;
  webhook_endpoints: WebhookEndpointRow;
  webhook_deliveries: WebhookDeliveryRow;
}

/** One entry of the record: the canonical JSON of one event. `idx` counts from 0. */
export interface RecordEntryRow {
  idx: number;
  event_id: string;
  type: string;
  data: string;
}

/** One tile of tree hashes: level L holds tree level 8L; up to 256 hashes of 32 bytes. */
export interface RecordTileRow {
  level: number;
  idx: number;
  hashes: Uint8Array;
  /** Full tiles: inner levels 1-7 of the tile's subtree, level by level; null for partial. */
  inner: Uint8Array | null;
}

/** A signed checkpoint of the record at a tree size. */
export interface RecordCheckpointRow {
  size: number;
  root: string;
  note: string;
  signed_at: string;
}

export interface UserRow {
  id: string;
  name: string;
  role: string;
  actor: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface UserPasswordRow {
  user_id: string;
  hash: string;
  set_at: string;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenSecretRow {
  token_id: string;
  secret_sha256: string;
  last_used_at: string | null;
}

export interface SessionRow {
  id_sha256: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  absolute_expires_at: string;
  superseded_at: string | null;
}

export interface InstanceSettingRow {
  key: string;
  value: string;
}

/** An actor; `body` is the actor as JSON (the agreement file's shape). */
export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  body: string;
}

/** A document's header; `body` is the document as JSON. */
export interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  body: string;
  updated_at: string;
}

/** One part of a document (version, claim, provision, commitment, zone); `body` is JSON. */
export interface DocumentPartRow {
  key: string;
  document_id: string;
  part: string;
  id: string;
  position: number;
  body: string;
}

/** A stored text or file, addressed by its SHA-256 (lowercase hex). */
export interface ContentRow {
  sha256: string;
  size: number;
  media_type: string;
  data: Uint8Array;
  stored_at: string;
}

/** A report as received; `body` is the normalized report as JSON (RFC 8785). */
export interface ReportRow {
  id: string;
  client_key: string | null;
  source_key: string | null;
  received_at: string;
  submitted_by: string;
  source_kind: string;
  source_name: string;
  type: string;
  observed_from: string;
  observed_to: string;
  lon: number | null;
  lat: number | null;
  radius_m: number | null;
  radius_class: number | null;
  incident_id: string | null;
  superseded_by: string | null;
  triage: string | null;
  /** Who triaged it (a principal id), when it was a public submission. */
  triaged_by: string | null;
  body: string;
}

/** An incident: what happened, as established from its reports. */
export interface IncidentRow {
  id: string;
  type: string;
  status: string;
  observed_from: string;
  observed_to: string;
  lon: number | null;
  lat: number | null;
  radius_m: number | null;
  report_count: number;
  source_count: number;
  search_text: string;
  /** The quarter-degree map cell of the place (core/geo/cells.ts), null without one. */
  cell: number | null;
}

/** Why two reports were grouped or a grouping suggested; `key` is `<report>/<other>`. */
export interface GroupingLinkRow {
  key: string;
  report_id: string;
  other_id: string;
  decision: string;
  score: number;
  explanation: string;
}

/** Two reports a person split apart (stored both ways); `key` is `<report>/<other>`. */
export interface GroupingApartRow {
  key: string;
  report_id: string;
  other_id: string;
}

/** A person's merge or split of incidents (see migration 0011). */
export interface GroupingDecisionRow {
  event_id: string;
  kind: 'merge' | 'split';
  reason: string;
  /** JSON: the incidents as the decision named them. */
  incident_ids: string;
  /** JSON: for a split, the reports taken out; empty for a merge. */
  moved_report_ids: string;
  decided_by: string;
  decided_at: string;
}

/** A report a merge or split concerned; `key` is `<event>/<report>`. */
export interface GroupingDecisionReportRow {
  key: string;
  event_id: string;
  report_id: string;
}

/** Operational: the token of the last write to what an in-memory index mirrors (by name). */
export interface ProjectionMarkRow {
  name: string;
  token: string;
}

/** One step of an incident's verification: from, to, how, by whom and when. */
export interface VerificationStepRow {
  id: string;
  incident_id: string;
  from_status: string;
  to_status: string;
  method: string | null;
  notes: string | null;
  obstruction_incident_id: string | null;
  decided_by: string;
  decided_at: string;
}

/** Who works on an incident. */
export interface IncidentAssignmentRow {
  incident_id: string;
  assignee: string;
  assigned_by: string;
  assigned_at: string;
}

/** Operational, not in the record: who is deciding an incident, until when. */
export interface IncidentLockRow {
  incident_id: string;
  user_id: string;
  expires_at: string;
}

/** One version of an incident's attribution claim; `key` is `<incident>/<version>`. */
export interface AttributionRow {
  key: string;
  incident_id: string;
  version: number;
  /** The responsible actor; null when attribution was declined. */
  actor: string | null;
  declined_reason: string | null;
  confidence: string | null;
  /** JSON: { reportIds, evidence, text }. */
  basis: string;
  dissent: string | null;
  claimed_by: string;
  claimed_at: string;
  /** The record event that made it; null for rows made before migration 0010. */
  event_id: string | null;
}

/** An incident qualified against a provision, with severity. */
export interface FindingRow {
  id: string;
  incident_id: string;
  document_id: string;
  provision_id: string;
  severity: string;
  notes: string | null;
  found_by: string;
  found_at: string;
  /** The record event that made it; null for rows made before migration 0010. */
  event_id: string | null;
}

/** The latest evaluation of one commitment for one finding; `key` is `<finding>/<doc>/<id>`. */
export interface TriggerEvaluationRow {
  key: string;
  finding_id: string;
  document_id: string;
  commitment_id: string;
  result: string;
  /** JSON: { met: string[], unmet: UnmetCondition[] }. */
  explanation: string;
  evaluated_at: string;
}

/** A commitment activated by a finding: the response clock and where it stands. */
export interface ActivationRow {
  id: string;
  document_id: string;
  commitment_id: string;
  obligor: string;
  incident_id: string;
  /** JSON array of finding ids. */
  finding_ids: string;
  activated_at: string;
  deadline: string | null;
  breach_at: string | null;
  tier: number;
  status: string;
  /** 1 when a qualifying response came after the deadline. */
  late: number;
  status_at: string;
  /** The record event that opened it; null for rows made before migration 0010. */
  event_id: string | null;
}

/** A guarantor's response to an activation. */
export interface GuarantorResponseRow {
  id: string;
  activation_id: string;
  actor: string;
  type: string;
  description: string;
  responded_at: string;
  /** JSON array of evidence SHA-256 hashes. */
  evidence: string;
  /** 1 when the response is of a kind the commitment promises. */
  qualifying: number;
  recorded_by: string;
  recorded_at: string;
  /** The record event that made it; null for rows made before migration 0010. */
  event_id: string | null;
}

/** A CAP 1.2 message about an activation, as sent. */
export interface AlertRow {
  id: string;
  activation_id: string;
  obligor: string;
  msg_type: string;
  headline: string;
  sent: string;
  xml: string;
}

/** Operational: an endpoint an admin registered for signed alert deliveries. */
export interface WebhookEndpointRow {
  id: string;
  url: string;
  /** `whsec_<base64>`: the signing secret, shown once at registration. */
  secret: string;
  description: string;
  /** JSON: { obligors, commitments, zones, bbox, incidentTypes }. */
  filters: string;
  created_by: string;
  created_at: string;
  /** Consecutive failed attempts; reset by a success. */
  failures: number;
  disabled_at: string | null;
  disabled_reason: string | null;
}

/** Operational: one alert to one endpoint, with its attempts. */
export interface WebhookDeliveryRow {
  id: string;
  endpoint_id: string;
  alert_id: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
