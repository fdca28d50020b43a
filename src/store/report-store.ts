/**
 * Reports: applying `reports.received` to the projections, which inserts each report and groups
 * it at once (incremental grouping): the report joins the incident of every earlier report it
 * scores at or above the upper threshold with, merging those incidents, or founds its own.
 * Incidents are the connected components of the "grouped" links, so the same reports in any
 * order give the same incidents; an incident's id is that of its first report (by time, then
 * id), whatever order they came in.
 *
 * Candidates come from the grouping index in memory (core/incidents/grouping-index.ts), one per
 * database, checked against a token in `projection_marks` at every write: when another process
 * wrote, or a transaction rolled back, the index is rebuilt from the tables. A batch is written
 * with a few multi-row statements: reports that found an incident, or join one founded earlier
 * in the same batch, are grouped in memory; a report that joins an incident already stored is
 * grouped in the database, after what came before it was written. Both give the same rows.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../core/events.js';
import { scorePair, type GroupingPoint } from '../core/incidents/grouping.js';
import { GroupingIndex } from '../core/incidents/grouping-index.js';
import { cellOf } from '../core/geo/cells.js';
import type { IncidentType } from '../core/agreements/vocabulary.js';
import { canonicalReport, type StoredReport } from '../core/reports/report.js';
import { LOCATION_PRECISIONS } from '../core/reports/vocabulary.js';
import { insertRows } from './bulk.js';
import { inReadSnapshot, rootOf, type Tx } from './transactions.js';
import type {
  Database,
  GroupingDecisionRow,
  GroupingLinkRow,
  IncidentRow,
  ReportRow,
} from './schema.js';

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
    await recordGroupingDecision(tx, event, 'merge', event.payload.incidentIds, [], ids);
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
    const { incidentId, reportIds } = event.payload;
    const members = await tx
      .selectFrom('reports')
      .select('id')
      .where('incident_id', '=', incidentId)
      .execute();
    await recordGroupingDecision(
      tx,
      event,
      'split',
      [incidentId],
      reportIds,
      members.map((m) => m.id),
    );
    await splitIncident(tx, incidentId, reportIds);
    return true;
  }
  if (event.type === 'report.triaged') {
    const { reportId, decision } = event.payload;
    await tx
      .updateTable('reports')
      .set({ triage: decision, triaged_by: event.by })
      .where('id', '=', reportId)
      .execute();
    if (decision === 'accepted') {
      const row = await tx
        .selectFrom('reports')
        .select('body')
        .where('id', '=', reportId)
        .executeTakeFirst();
      if (row) {
        const index = await openIndex(tx);
        await placeStored(tx, index, JSON.parse(row.body) as StoredReport);
        await stampIndex(tx);
      }
    }
    return true;
  }
  if (event.type !== 'reports.received') return false;
  await receive(tx, event.payload.reports);
  return true;
}

/**
 * Upper bounds of the bands of precision radii, in metres (the precision classes, then anything
 * larger up to the schema's limit); kept on every report row as `radius_class`.
 */
export const RADIUS_BANDS: readonly number[] = [...Object.values(LOCATION_PRECISIONS), 1_000_000];

/** The band a radius falls in. */
export function radiusClass(radiusM: number): number {
  const index = RADIUS_BANDS.findIndex((upper) => radiusM <= upper);
  return index < 0 ? RADIUS_BANDS.length - 1 : index;
}

// The grouping index of each database, with the token of the write it reflects.
const indexes = new WeakMap<Kysely<Database>, { index: GroupingIndex; token: string | null }>();
const MARK = 'grouping_index';

/** The grouping index of the transaction's database, rebuilt when the tables moved on. */
async function openIndex(tx: Db): Promise<GroupingIndex> {
  const root = rootOf(tx);
  const mark = await tx
    .selectFrom('projection_marks')
    .select('token')
    .where('name', '=', MARK)
    .executeTakeFirst();
  const token = mark?.token ?? null;
  const cached = indexes.get(root);
  const index =
    cached !== undefined && cached.token === token ? cached.index : await buildIndex(tx);
  // The caller is about to change the index: until stampIndex records the change with a new
  // token, the index matches no token, so a transaction that fails before the stamp (and rolls
  // the tables back) leaves an index the next writer rebuilds.
  indexes.set(root, { index, token: UNSTAMPED });
  return index;
}

/** The token of an index changed by a write not stamped yet: equal to no stored token. */
const UNSTAMPED = 'unstamped';

/**
 * Makes every process rebuild its grouping index at its next write (the tables were rewritten
 * under it, by a projection rebuild): a new token in the table, and this process's index dropped.
 */
export async function forgetGroupingIndex(tx: Db): Promise<void> {
  const token = randomUUID();
  await tx
    .insertInto('projection_marks')
    .values({ name: MARK, token })
    .onConflict((oc) => oc.column('name').doUpdateSet({ token }))
    .execute();
  indexes.delete(rootOf(tx));
}

/**
 * Builds the grouping index of a database ahead of the first write (at server start), from a
 * read snapshot: the first write finds it current unless something was written meanwhile.
 */
export async function prepareGroupingIndex(db: Kysely<Database>): Promise<void> {
  const built = await inReadSnapshot(db, async (snapshot) => {
    const mark = await snapshot
      .selectFrom('projection_marks')
      .select('token')
      .where('name', '=', MARK)
      .executeTakeFirst();
    return { index: await buildIndex(snapshot), token: mark?.token ?? null };
  });
  if (!indexes.has(db)) indexes.set(db, built);
}

/** Marks the index as reflecting this transaction's writes (a new token in the table and here). */
async function stampIndex(tx: Db): Promise<void> {
  const token = randomUUID();
  await tx
    .insertInto('projection_marks')
    .values({ name: MARK, token })
    .onConflict((oc) => oc.column('name').doUpdateSet({ token }))
    .execute();
  const cached = indexes.get(rootOf(tx));
  if (cached !== undefined) cached.token = token;
}

/** An index of every placed, current, located report, read in pages by id. */
async function buildIndex(tx: Db): Promise<GroupingIndex> {
  const index = new GroupingIndex();
  let after = '';
  for (;;) {
    const rows = await tx
      .selectFrom('reports')
      .select(['id', 'lon', 'lat', 'radius_m', 'observed_from', 'observed_to', 'type'])
      .where('id', '>', after)
      .where('incident_id', 'is not', null)
      .where('superseded_by', 'is', null)
      .where('lat', 'is not', null)
      .orderBy('id')
      .limit(20_000)
      .execute();
    index.load(rows.map(pointOf));
    const last = rows.at(-1);
    if (last === undefined || rows.length < 20_000) break;
    after = last.id;
  }
  index.seal();
  return index;
}

/** What an incident is computed from, of each of its reports. */
interface Member {
  id: string;
  type: string;
  observed_from: string;
  observed_to: string;
  lon: number | null;
  lat: number | null;
  radius_m: number | null;
  source_name: string;
  /** The place name and the text, for search. */
  words: string;
}

/** An incident founded or joined within the batch being written, not yet in the tables. */
interface Forming {
  id: string;
  members: Member[];
}

/** The reports.received projection: rows, links and incidents of a batch, in few statements. */
async function receive(tx: Db, reports: readonly StoredReport[]): Promise<void> {
  const index = await openIndex(tx);
  const rows: ReportRow[] = [];
  const links: GroupingLinkRow[] = [];
  const forming = new Map<string, Forming>();
  const flush = async () => {
    // Rows take the incident they ended in: a later report of the batch may have merged it.
    for (const r of rows) r.incident_id = forming.get(r.id)?.id ?? null;
    await insertRows(tx, 'reports', REPORT_COLUMNS, rows);
    await insertRows(tx, 'grouping_links', LINK_COLUMNS, links);
    const incidents = new Set(forming.values());
    await insertRows(
      tx,
      'incidents',
      INCIDENT_COLUMNS,
      [...incidents].map((f) => incidentRow(f.id, f.members)),
    );
    rows.length = 0;
    links.length = 0;
    forming.clear();
  };
  for (const report of reports) {
    if (report.correctionOf !== undefined) {
      // Rare: written at once, with the corrected report leaving its incident.
      await flush();
      await insertReport(tx, report);
      index.remove(report.correctionOf);
      if (report.triage !== 'pending') await placeStored(tx, index, report);
      continue;
    }
    const row = reportRow(report);
    rows.push(row);
    // Public submissions stay out of incidents until triaged.
    if (report.triage === 'pending') continue;
    const point = row.lat === null ? undefined : pointOf(row);
    const grouped = point === undefined ? [] : linkCandidates(index, point, links);
    if (point !== undefined) index.add(point);
    if (grouped.every((id) => forming.has(id))) {
      // Founds an incident, or joins (and so merges) incidents founded in this batch.
      const joined = new Set(grouped.map((id) => forming.get(id) as Forming));
      const members = [memberOf(row, report), ...[...joined].flatMap((f) => f.members)];
      const incident: Forming = { id: firstOf(members).id, members };
      for (const m of members) forming.set(m.id, incident);
      continue;
    }
    // Joins an incident already stored: write what came before, then merge in the tables.
    await flush();
    await joinStored(tx, report.id, grouped);
  }
  await flush();
  await stampIndex(tx);
}

/**
 * Scores a report against its candidates, adds the links worth keeping (grouped or suggested,
 * with their explanations) to `links`, and returns the ids of the reports it is grouped with.
 */
function linkCandidates(
  index: GroupingIndex,
  point: GroupingPoint,
  links: GroupingLinkRow[],
): string[] {
  const grouped: string[] = [];
  for (const candidate of index.candidates(point)) {
    const explanation = scorePair(point, candidate);
    if (explanation.decision === 'apart') continue;
    links.push({
      key: `${point.id}/${candidate.id}`,
      report_id: point.id,
      other_id: candidate.id,
      decision: explanation.decision,
      score: explanation.score,
      explanation: JSON.stringify(explanation),
    });
    if (explanation.decision === 'grouped') grouped.push(candidate.id);
  }
  return grouped;
}

/** Places a report whose row is stored (a triaged or corrected one) into an incident. */
async function placeStored(tx: Db, index: GroupingIndex, report: StoredReport): Promise<void> {
  const links: GroupingLinkRow[] = [];
  const point = report.location === undefined ? undefined : pointOf(reportRow(report));
  const grouped = point === undefined ? [] : linkCandidates(index, point, links);
  if (point !== undefined) index.add(point);
  await insertRows(tx, 'grouping_links', LINK_COLUMNS, links);
  await joinStored(tx, report.id, grouped);
}

/** Puts a stored report into the incidents of the reports it is grouped with, or its own. */
async function joinStored(tx: Db, reportId: string, grouped: readonly string[]): Promise<void> {
  if (grouped.length === 0) return foundIncident(tx, reportId);
  const incidents = new Set<string>();
  for (const ids of chunks([...grouped])) {
    const rows = await tx
      .selectFrom('reports')
      .select('incident_id')
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) if (r.incident_id !== null) incidents.add(r.incident_id);
  }
  if (incidents.size === 0) return foundIncident(tx, reportId);
  await mergeInto(tx, reportId, await compatibleIncidents(tx, [...incidents]));
}

const REPORT_COLUMNS = [
  'id',
  'client_key',
  'source_key',
  'received_at',
  'submitted_by',
  'source_kind',
  'source_name',
  'type',
  'observed_from',
  'observed_to',
  'lon',
  'lat',
  'radius_m',
  'radius_class',
  'incident_id',
  'superseded_by',
  'triage',
  'triaged_by',
  'body',
] as const satisfies readonly (keyof ReportRow)[];

const LINK_COLUMNS = [
  'key',
  'report_id',
  'other_id',
  'decision',
  'score',
  'explanation',
] as const satisfies readonly (keyof GroupingLinkRow)[];

const INCIDENT_COLUMNS = [
  'id',
  'type',
  'status',
  'observed_from',
  'observed_to',
  'lon',
  'lat',
  'radius_m',
  'report_count',
  'source_count',
  'search_text',
  'cell',
] as const satisfies readonly (keyof IncidentRow)[];

function reportRow(report: StoredReport): ReportRow {
  return {
    id: report.id,
    client_key: report.clientId === undefined ? null : `${report.submittedBy}:${report.clientId}`,
    source_key:
      report.sourceRecordId === undefined ? null : `${report.source.name}:${report.sourceRecordId}`,
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
    triaged_by: null,
    body: canonicalReport(report),
  };
}

function memberOf(row: ReportRow, report: StoredReport): Member {
  const { id, type, observed_from, observed_to, lon, lat, radius_m, source_name } = row;
  const words = `${report.placeName ?? ''} ${report.text ?? ''}`;
  return { id, type, observed_from, observed_to, lon, lat, radius_m, source_name, words };
}

/** Inserts one report row now; a correction takes the corrected report out of its incident. */
async function insertReport(tx: Db, report: StoredReport): Promise<void> {
  await insertRows(tx, 'reports', REPORT_COLUMNS, [reportRow(report)]);
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
/**
 * Keeps a person's merge or split as a decision, linked to every report it concerned (the
 * members of the incidents before it), so the incidents those reports end up in can show it.
 */
async function recordGroupingDecision(
  tx: Db,
  event: RecordedEvent & { type: 'incidents.merged' | 'incident.split' },
  kind: 'merge' | 'split',
  incidentIds: readonly string[],
  movedReportIds: readonly string[],
  reportIds: readonly string[],
): Promise<void> {
  await tx
    .insertInto('grouping_decisions')
    .values({
      event_id: event.id,
      kind,
      reason: event.payload.reason,
      incident_ids: JSON.stringify(incidentIds),
      moved_report_ids: JSON.stringify(movedReportIds),
      decided_by: event.by,
      decided_at: event.at,
    })
    .execute();
  for (const ids of chunks([...reportIds])) {
    await tx
      .insertInto('grouping_decision_reports')
      .values(
        ids.map((reportId) => ({
          key: `${event.id}/${reportId}`,
          event_id: event.id,
          report_id: reportId,
        })),
      )
      .execute();
  }
}

/** The merges and splits that concerned any of these reports, oldest first. */
export async function groupingDecisionsOf(
  db: Db,
  reportIds: readonly string[],
): Promise<GroupingDecisionRow[]> {
  const eventIds = new Set<string>();
  for (const ids of chunks([...reportIds])) {
    const rows = await db
      .selectFrom('grouping_decision_reports')
      .select('event_id')
      .where('report_id', 'in', ids)
      .execute();
    for (const row of rows) eventIds.add(row.event_id);
  }
  if (eventIds.size === 0) return [];
  const decisions: GroupingDecisionRow[] = [];
  for (const ids of chunks([...eventIds])) {
    decisions.push(
      ...(await db
        .selectFrom('grouping_decisions')
        .selectAll()
        .where('event_id', 'in', ids)
        .execute()),
    );
  }
  return decisions.sort((a, b) =>
    a.decided_at === b.decided_at
      ? a.event_id.localeCompare(b.event_id)
      : a.decided_at < b.decided_at
        ? -1
        : 1,
  );
}

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
 * Recomputes an incident from its reports and stores it (or removes it when it has none left).
 */
async function refreshIncident(tx: Db, id: string): Promise<void> {
  const rows = await tx
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
    .execute();
  if (rows.length === 0) {
    await tx.deleteFrom('incidents').where('id', '=', id).execute();
    return;
  }
  const members = rows.map(({ body, ...m }) => {
    const said = JSON.parse(body) as { text?: string; placeName?: string };
    return { ...m, words: `${said.placeName ?? ''} ${said.text ?? ''}` };
  });
  // The status is the verification's (accountability-store.ts): regrouping keeps it.
  const { id: _id, status, ...changes } = incidentRow(id, members);
  await tx
    .insertInto('incidents')
    .values({ id, status, ...changes })
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

/** Members in incident order: by the start of their window, then id. */
function byTimeThenId(a: Member, b: Member): number {
  return a.observed_from < b.observed_from
    ? -1
    : a.observed_from > b.observed_from
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

function firstOf(members: readonly Member[]): Member {
  return members.reduce((first, m) => (byTimeThenId(m, first) < 0 ? m : first));
}

/**
 * An incident from its reports: the time window spans them all; the place is the most precise
 * report's (earliest among equals); the type is the most reported (earliest on ties); sources
 * are counted by name; the search text joins place names and texts in order.
 */
function incidentRow(id: string, unordered: readonly Member[]): IncidentRow {
  const members = [...unordered].sort(byTimeThenId);
  const first = members[0] as Member;
  const place = members.reduce<Member | undefined>(
    (best, m) =>
      m.radius_m !== null && (best === undefined || m.radius_m < (best.radius_m ?? Infinity))
        ? m
        : best,
    undefined,
  );
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const type = [...counts.entries()].reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  )[0];
  return {
    id,
    type,
    status: 'reported',
    observed_from: first.observed_from,
    observed_to: members.reduce(
      (max, m) => (m.observed_to > max ? m.observed_to : max),
      first.observed_to,
    ),
    lon: place?.lon ?? null,
    lat: place?.lat ?? null,
    radius_m: place?.radius_m ?? null,
    report_count: members.length,
    source_count: new Set(members.map((m) => m.source_name)).size,
    search_text: members
      .map((m) => m.words)
      .join(' ')
      .toLowerCase()
      .slice(0, 4000),
    cell:
      place !== undefined && place.lon !== null && place.lat !== null
        ? cellOf(place.lon, place.lat)
        : null,
  };
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

/** Splits ids into lists short enough for an `in (...)` on either database. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const lists: T[][] = [];
  for (let i = 0; i < items.length; i += size) lists.push(items.slice(i, i + size));
  return lists;
}

/** One report as stored, with its incident and triage state, or undefined. */
export function findReport(
  db: Db,
  id: string,
): Promise<{ body: string; incident_id: string | null; triage: string | null } | undefined> {
  return db
    .selectFrom('reports')
    .select(['body', 'incident_id', 'triage'])
    .where('id', '=', id)
    .executeTakeFirst();
}
