/**
 * Accountability: the steps of each incident's verification, who it is assigned to, attribution
 * claims by version, findings, the trigger engine's evaluations, activations of commitments and
 * guarantors' responses. All are projections of the record except `incident_locks`: an edit lock
 * is a courtesy between analysts that expires, not a fact worth keeping.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Who triaged a public submission (`user:`, `token:` or `system:`): the four-eyes rule reads it.
  await db.schema.alterTable('reports').addColumn('triaged_by', 'text').execute();
  await db.schema
    .createTable('verification_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('notes', 'text')
    .addColumn('obstruction_incident_id', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verification_steps_by_incident')
    .on('verification_steps')
    .columns(['incident_id', 'decided_at'])
    .execute();
  await db.schema
    .createTable('incident_assignments')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_assignments_by_assignee')
    .on('incident_assignments')
    .column('assignee')
    .execute();
  await db.schema
    .createTable('incident_locks')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attributions')
    // `<incident>/<version>`, versions counting from 1.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('declined_reason', 'text')
    .addColumn('confidence', 'text')
    // JSON: { reportIds, evidence (SHA-256), text }.
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('dissent', 'text')
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attributions_by_incident')
    .on('attributions')
    .columns(['incident_id', 'version'])
    .execute();
  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('provision_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('findings_by_incident')
    .on('findings')
    .column('incident_id')
    .execute();
  await db.schema
    .createTable('trigger_evaluations')
    // `<finding>/<document>/<commitment>`: the latest evaluation of one pair.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    // JSON: { met: string[], unmet: UnmetCondition[] }.
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trigger_evaluations_by_finding')
    .on('trigger_evaluations')
    .column('finding_id')
    .execute();
  await db.schema
    .createTable('activations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('obligor', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    // JSON array of finding ids.
    .addColumn('finding_ids', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('breach_at', 'text')
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activations_one_per_commitment_and_incident')
    .unique()
    .on('activations')
    .columns(['document_id', 'commitment_id', 'incident_id'])
    .execute();
  await db.schema
    .createIndex('activations_by_status_deadline')
    .on('activations')
    .columns(['status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('activations_by_obligor')
    .on('activations')
    .columns(['obligor', 'activated_at'])
    .execute();
  await db.schema
    .createTable('guarantor_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activation_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text', (c) => c.notNull())
    // JSON array of evidence SHA-256 hashes.
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('qualifying', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guarantor_responses_by_activation')
    .on('guarantor_responses')
    .column('activation_id')
    .execute();
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activation_id', 'text', (c) => c.notNull())
    .addColumn('obligor', 'text', (c) => c.notNull())
    .addColumn('msg_type', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('sent', 'text', (c) => c.notNull())
    .addColumn('xml', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_by_sent').on('alerts').columns(['sent', 'id']).execute();
  await db.schema
    .createIndex('alerts_by_activation')
    .on('alerts')
    .columns(['activation_id', 'sent'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alerts',
    'guarantor_responses',
    'activations',
    'trigger_evaluations',
    'findings',
    'attributions',
    'incident_locks',
    'incident_assignments',
    'verification_steps',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('reports').dropColumn('triaged_by').execute();
}
