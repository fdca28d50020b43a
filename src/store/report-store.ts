/**
 * Reads of reports: by client or source key (intake's duplicates and re-imports), triage,
 * owners, and the incidents they are in. Their writes are the projection's (report-intake.ts).
 */
import type { StoredReport } from '../core/reports/report.js';
import { chunks } from './bulk.js';
import type { Db } from './transactions.js';

/** Reports already acknowledged under these client keys, by key. */
export async function findByClientKeys(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'client_key'])
      .where('client_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.client_key) found.set(row.client_key, row.id);
  }
  return found;
}

/** Current (not superseded) reports by source key, for re-imports. */
export async function findBySourceKeys(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, { id: string; body: string }>> {
  const found = new Map<string, { id: string; body: string }>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'source_key', 'body'])
      .where('source_key', 'in', keys.slice(i, i + 500))
      .where('superseded_by', 'is', null)
      .execute();
    for (const row of rows)
      if (row.source_key) found.set(row.source_key, { id: row.id, body: row.body });
  }
  return found;
}

/** Public submissions waiting for triage, oldest first. */
export async function pendingReports(db: Db, limit: number): Promise<StoredReport[]> {
  const rows = await db
    .selectFrom('reports')
    .select('body')
    .where('triage', '=', 'pending')
    .orderBy('received_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => JSON.parse(r.body) as StoredReport);
}

/** A report's triage state: pending, accepted, rejected, null (never public), or undefined. */
export async function triageOf(db: Db, id: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('reports')
    .select('triage')
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : row.triage;
}

/** The incident each of these reports is in (reports outside any incident are left out). */
export async function incidentsOfReports(
  db: Db,
  reportIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const ids of chunks([...new Set(reportIds)])) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'incident_id'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) if (r.incident_id !== null) found.set(r.id, r.incident_id);
  }
  return found;
}

/** The ids of an incident's reports. */
export async function incidentMemberIds(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where('incident_id', '=', incidentId)
    .execute();
  return rows.map((r) => r.id);
}

/** The ids in their source data set of the current reports from one source. */
export async function sourceRecordIds(db: Db, sourceName: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('source_key')
    .where('source_name', '=', sourceName)
    .where('source_key', 'is not', null)
    .where('superseded_by', 'is', null)
    .execute();
  const prefix = `${sourceName}:`;
  return rows.flatMap((r) =>
    r.source_key?.startsWith(prefix) ? [r.source_key.slice(prefix.length)] : [],
  );
}

/** Who sent each of these reports, and whether it was corrected already, by id. */
export async function reportOwners(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { submittedBy: string; supersededBy: string | null }>> {
  const found = new Map<string, { submittedBy: string; supersededBy: string | null }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'submitted_by', 'superseded_by'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      found.set(r.id, { submittedBy: r.submitted_by, supersededBy: r.superseded_by });
  }
  return found;
}

/** One report as stored, with its incident and triage state, or undefined. */
export async function findReport(
  db: Db,
  id: string,
): Promise<{ report: StoredReport; incidentId: string | null; triage: string | null } | undefined> {
  const row = await db
    .selectFrom('reports')
    .select(['body', 'incident_id', 'triage'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const report = JSON.parse(row.body) as StoredReport;
  return { report, incidentId: row.incident_id, triage: row.triage };
}
