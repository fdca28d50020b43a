/**
 * Reports: applying `reports.received` to the projections, which inserts each report and groups
 * it at once (incremental grouping): the report joins the incident of every earlier report it
 * scores at or above the upper threshold with, merging those incidents, or founds its own.
 * Incidents are the connected components of the "grouped" links, so the same reports in any
 * order give the same incidents; an incident's id is that of its first report (by time, then
 * id), whatever order they came in.
 */
import canonicalize from 'canonicalize';
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../core/events.js';
import { MAX_TIME_GAP_MS, scorePair, type GroupingPoint } from '../core/incidents/grouping.js';
import type { IncidentType } from '../core/agreements/vocabulary.js';
import type { StoredReport } from '../core/reports/report.js';
import { LOCATION_PRECISIONS } from '../core/reports/vocabulary.js';
import type { Tx } from './record.js';
import type { Database, ReportRow } from './schema.js';

type Db = Kysely<Database> | Tx;

/** Applies a report event to the projections. Returns false for other event types. */
export async function projectReportEvent(tx: Db, event: RecordedEvent): Promise<boolean> {
  if (event.type === 'incidents.merged') {
    const [first, ...others] = event.payload.incidentIds;
    if (first === undefined) return true;
    // A person's merge is the latest word: earlier splits between these reports no longer hold.
    const members = await tx
      .selectFrom('reports')
      .select('id')
      .where('incident_id', 'in', event.payload.incidentIds)
      .execute();
    const ids = members.map((m) => m.id);
    for (let i = 0; i < ids.length; i += 500) {
      await tx
        .deleteFrom('grouping_apart')
        .where('report_id', 'in', ids.slice(i, i + 500))
        .where('other_id', 'in', ids)
        .execute();
    }
    await mergeInto(tx, first, [first, ...others]);
    return true;
  }
  if (event.type === 'incident.split') {
    await splitIncident(tx, event.payload.incidentId, event.payload.reportIds);
    return true;
  }
  if (event.type === 'report.triaged') {
    const { reportId, decision } = event.payload;
    await tx.updateTable('reports').set({ triage: decision }).where('id', '=', reportId).execute();
    if (decision === 'accepted') await placeReport(tx, reportId);
    return true;
  }
  if (event.type !== 'reports.received') return false;
  for (const report of event.payload.reports) {
    await insertReport(tx, report);
    // Public submissions stay out of incidents until triaged.
    if (report.triage !== 'pending') await placeInIncident(tx, report);
  }
  return true;
}

async function placeInIncident(tx: Db, report: StoredReport): Promise<void> {
  if (report.location) await groupReport(tx, report);
  else await foundIncident(tx, report.id);
}

async function placeReport(tx: Db, reportId: string): Promise<void> {
  const row = await tx
    .selectFrom('reports')
    .select('body')
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (row) await placeInIncident(tx, JSON.parse(row.body) as StoredReport);
}

/**
 * Upper bounds of the bands of precision radii, in metres (the precision classes, then anything
 * larger up to the schema's limit). Candidates are sought band by band: a precise report looks
 * only metres around itself among precise reports, and kilometres around only among imprecise
 * ones, so each search reads few rows however many reports there are.
 */
export const RADIUS_BANDS: readonly number[] = [...Object.values(LOCATION_PRECISIONS), 1_000_000];

/** The band a radius falls in. */
export function radiusClass(radiusM: number): number {
  const index = RADIUS_BANDS.findIndex((upper) => radiusM <= upper);
  return index < 0 ? RADIUS_BANDS.length - 1 : index;
}

async function insertReport(tx: Db, report: StoredReport): Promise<void> {
  await tx
    .insertInto('reports')
    .values({
      id: report.id,
      client_key: report.clientId === undefined ? null : `${report.submittedBy}:${report.clientId}`,
      source_key:
        report.sourceRecordId === undefined
          ? null
          : `${report.source.name}:${report.sourceRecordId}`,
      received_at: report.receivedAt,
      submitted_by: report.submittedBy,
      source_kind: report.source.kind,
      source_name: report.source.name,
      type: report.type,
      observed_from: report.observedFrom,
      observed_to: report.observedTo,
      lon: report.location?.lon ?? null,
      lat: report.location?.lat ?? null,
      radius_m: report.location?.radiusM ?? null,
      radius_class: report.location ? radiusClass(report.location.radiusM) : null,
      incident_id: null,
      superseded_by: null,
      triage: report.triage ?? null,
      body: canonicalize(report) ?? '{}',
    })
    .execute();
  if (report.correctionOf !== undefined) {
    // The corrected report leaves its incident (which goes when it was alone in it).
    const earlier = await tx
      .selectFrom('reports')
      .select('incident_id')
      .where('id', '=', report.correctionOf)
      .executeTakeFirst();
    await tx
      .updateTable('reports')
      .set({ superseded_by: report.id, incident_id: null })
      .where('id', '=', report.correctionOf)
      .execute();
    if (earlier?.incident_id) await refreshIncident(tx, earlier.incident_id);
  }
}

function pointOf(
  row: Pick<
    ReportRow,
    'id' | 'lon' | 'lat' | 'radius_m' | 'observed_from' | 'observed_to' | 'type'
  >,
): GroupingPoint {
  return {
    id: row.id,
    lon: row.lon ?? 0,
    lat: row.lat ?? 0,
    radiusM: row.radius_m ?? 0,
    from: Date.parse(row.observed_from),
    to: Date.parse(row.observed_to),
    type: row.type as IncidentType,
  };
}

/** Groups a located report with the reports it may be about the same event as. */
async function groupReport(tx: Db, report: StoredReport): Promise<void> {
  const location = report.location;
  if (location === undefined) return;
  const self = pointOf({
    id: report.id,
    lon: location.lon,
    lat: location.lat,
    radius_m: location.radiusM,
    observed_from: report.observedFrom,
    observed_to: report.observedTo,
    type: report.type,
  });
  // Candidates: band by band, within the largest tolerance a report of that band could have
  // with this one (twice the combined radii), and MAX_TIME_GAP_MS in time.
  const earliest = new Date(self.from - MAX_TIME_GAP_MS).toISOString();
  const latest = new Date(self.to + MAX_TIME_GAP_MS).toISOString();
  // One query: an OR of one index range per band, which SQLite and PostgreSQL both answer
  // with an index scan per term.
  const candidates = await tx
    .selectFrom('reports')
    .select(['id', 'lon', 'lat', 'radius_m', 'observed_from', 'observed_to', 'type', 'incident_id'])
    .where((eb) =>
      eb.or(
        RADIUS_BANDS.map((upper, band) => {
          const reach = 2 * Math.max(100, Math.hypot(location.radiusM, upper));
          const dLat = reach / 111_320;
          const dLon = reach / (111_320 * Math.max(0.01, Math.cos((location.lat * Math.PI) / 180)));
          return eb.and([
            eb('radius_class', '=', band),
            eb('lat', '>=', location.lat - dLat),
            eb('lat', '<=', location.lat + dLat),
            eb('lon', '>=', location.lon - dLon),
            eb('lon', '<=', location.lon + dLon),
          ]);
        }),
      ),
    )
    .where('observed_from', '<=', latest)
    .where('observed_to', '>=', earliest)
    .where('id', '!=', report.id)
    .where('superseded_by', 'is', null)
    .where('incident_id', 'is not', null)
    .execute();
  const joined = new Set<string>();
  for (const candidate of candidates) {
    const explanation = scorePair(self, pointOf(candidate));
    if (explanation.decision === 'apart') continue;
    await tx
      .insertInto('grouping_links')
      .values({
        key: `${report.id}/${candidate.id}`,
        report_id: report.id,
        other_id: candidate.id,
        decision: explanation.decision,
        score: explanation.score,
        explanation: JSON.stringify(explanation),
      })
      .execute();
    if (explanation.decision === 'grouped' && candidate.incident_id)
      joined.add(candidate.incident_id);
  }
  if (joined.size === 0) return foundIncident(tx, report.id);
  await mergeInto(tx, report.id, await compatibleIncidents(tx, [...joined]));
}

/**
 * The incidents among `candidates` that may be merged: a person's split wins over automatic
 * grouping, so incidents holding reports split apart are never joined. Keeps the incidents in
 * order, skipping any that conflict with one already kept.
 */
async function compatibleIncidents(tx: Db, candidates: string[]): Promise<string[]> {
  const sorted = [...candidates].sort();
  if (sorted.length < 2) return sorted;
  const members = await tx
    .selectFrom('reports')
    .select(['id', 'incident_id'])
    .where('incident_id', 'in', sorted)
    .execute();
  const incidentOf = new Map(members.map((m) => [m.id, m.incident_id ?? '']));
  const apart: { report_id: string; other_id: string }[] = [];
  for (const ids of chunks(members.map((m) => m.id))) {
    apart.push(
      ...(await tx
        .selectFrom('grouping_apart')
        .select(['report_id', 'other_id'])
        .where('report_id', 'in', ids)
        .execute()),
    );
  }
  const conflicts = new Set(
    apart.map((a) => `${incidentOf.get(a.report_id) ?? ''}|${incidentOf.get(a.other_id) ?? ''}`),
  );
  const kept: string[] = [];
  for (const incident of sorted) {
    if (
      kept.every((k) => !conflicts.has(`${k}|${incident}`) && !conflicts.has(`${incident}|${k}`))
    ) {
      kept.push(incident);
    }
  }
  return kept;
}

/** Moves reports out of an incident into a new one and keeps them apart from the rest. */
async function splitIncident(
  tx: Db,
  incidentId: string,
  reportIds: readonly string[],
): Promise<void> {
  const members = await tx
    .selectFrom('reports')
    .select(['id', 'observed_from'])
    .where('incident_id', '=', incidentId)
    .execute();
  const leaving = new Set(reportIds);
  const staying = members.filter((m) => !leaving.has(m.id));
  const moved = members.filter((m) => leaving.has(m.id));
  const anchor = (rows: typeof members) =>
    [...rows].sort((a, b) =>
      a.observed_from < b.observed_from
        ? -1
        : a.observed_from > b.observed_from
          ? 1
          : a.id < b.id
            ? -1
            : 1,
    )[0]?.id;
  const newId = anchor(moved);
  const keptId = anchor(staying);
  if (newId === undefined || keptId === undefined) return;
  for (const ids of chunks([...leaving])) {
    await tx.updateTable('reports').set({ incident_id: newId }).where('id', 'in', ids).execute();
  }
  for (const ids of chunks(staying.map((r) => r.id))) {
    await tx.updateTable('reports').set({ incident_id: keptId }).where('id', 'in', ids).execute();
  }
  // Both directions of every moved-staying pair, many rows per statement.
  const pairs = moved.flatMap((a) =>
    staying.flatMap((b) => [
      { key: `${a.id}/${b.id}`, report_id: a.id, other_id: b.id },
      { key: `${b.id}/${a.id}`, report_id: b.id, other_id: a.id },
    ]),
  );
  for (let i = 0; i < pairs.length; i += 300) {
    await tx
      .insertInto('grouping_apart')
      .values(pairs.slice(i, i + 300))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  // The incident's old id stays with whichever group holds its first report; the other group
  // gets a new incident named after its own first report (refreshIncident creates it).
  await refreshIncident(tx, keptId);
  await refreshIncident(tx, newId);
}

async function foundIncident(tx: Db, reportId: string): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ incident_id: reportId })
    .where('id', '=', reportId)
    .execute();
  await refreshIncident(tx, reportId);
}

/**
 * Puts the report and every report of `incidents` into one incident, named after its first
 * report by (observed_from, id), and removes the incidents it replaced.
 */
async function mergeInto(tx: Db, reportId: string, incidents: string[]): Promise<void> {
  const anchors = await tx
    .selectFrom('reports')
    .select(['id', 'observed_from'])
    .where('id', 'in', [reportId, ...incidents])
    .execute();
  anchors.sort((a, b) =>
    a.observed_from < b.observed_from
      ? -1
      : a.observed_from > b.observed_from
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  const survivor = anchors[0]?.id ?? reportId;
  await tx
    .updateTable('reports')
    .set({ incident_id: survivor })
    .where('id', '=', reportId)
    .execute();
  const absorbed = incidents.filter((id) => id !== survivor);
  if (absorbed.length > 0) {
    await tx
      .updateTable('reports')
      .set({ incident_id: survivor })
      .where('incident_id', 'in', absorbed)
      .execute();
    await tx.deleteFrom('incidents').where('id', 'in', absorbed).execute();
  }
  await refreshIncident(tx, survivor);
}

/**
 * Recomputes an incident from its reports: the time window spans them all; the place is the most
 * precise report's (earliest among equals); the type is the most reported (earliest on ties);
 * sources are counted by name.
 */
async function refreshIncident(tx: Db, id: string): Promise<void> {
  const members = await tx
    .selectFrom('reports')
    .select([
      'id',
      'type',
      'observed_from',
      'observed_to',
      'lon',
      'lat',
      'radius_m',
      'source_name',
      'body',
    ])
    .where('incident_id', '=', id)
    .orderBy('observed_from')
    .orderBy('id')
    .execute();
  const first = members[0];
  if (first === undefined) {
    await tx.deleteFrom('incidents').where('id', '=', id).execute();
    return;
  }
  const located = members.filter((m) => m.radius_m !== null);
  const place = located.reduce<(typeof members)[number] | undefined>(
    (best, m) =>
      best === undefined || (m.radius_m ?? Infinity) < (best.radius_m ?? Infinity) ? m : best,
    undefined,
  );
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const type = [...counts.entries()].reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  )[0];
  const texts = members
    .map((m) => {
      const body = JSON.parse(m.body) as { text?: string; placeName?: string };
      return `${body.placeName ?? ''} ${body.text ?? ''}`;
    })
    .join(' ')
    .toLowerCase()
    .slice(0, 4000);
  const row = {
    id,
    type,
    status: 'reported',
    observed_from: members.reduce(
      (min, m) => (m.observed_from < min ? m.observed_from : min),
      first.observed_from,
    ),
    observed_to: members.reduce(
      (max, m) => (m.observed_to > max ? m.observed_to : max),
      first.observed_to,
    ),
    lon: place?.lon ?? null,
    lat: place?.lat ?? null,
    radius_m: place?.radius_m ?? null,
    report_count: members.length,
    source_count: new Set(members.map((m) => m.source_name)).size,
    search_text: texts,
  };
  const { id: _id, ...changes } = row;
  await tx
    .insertInto('incidents')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

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

/** How many reports the database holds (for summaries). */
export async function countReports(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public submissions waiting for triage, oldest first. */
export async function pendingReports(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('body')
    .where('triage', '=', 'pending')
    .orderBy('received_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.body);
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

/** Splits ids into lists short enough for an `in (...)` on either database. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const lists: T[][] = [];
  for (let i = 0; i < items.length; i += size) lists.push(items.slice(i, i + size));
  return lists;
}
