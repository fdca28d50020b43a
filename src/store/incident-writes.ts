/**
 * Incidents as grouping writes them: an incident is recomputed from its reports whenever they
 * change (founded, merged, split, a report corrected), named after its first report by
 * (observed_from, id). A person's split wins over automatic grouping (`compatibleIncidents`).
 */
import { cellOf } from '../core/geo/cells.js';
import { chunks } from './bulk.js';
import type { IncidentRow, ReportRow } from './schema.js';
import type { Db } from './transactions.js';

/** The columns of a report row an incident is computed from. */
const MEMBER_COLUMNS = [
  'id',
  'type',
  'observed_from',
  'observed_to',
  'lon',
  'lat',
  'radius_m',
  'source_name',
] as const satisfies readonly (keyof ReportRow)[];

/** What an incident is computed from, of each of its reports. */
export interface Member extends Pick<ReportRow, (typeof MEMBER_COLUMNS)[number]> {
  /** The place name and the text, for search. */
  words: string;
}

/** The columns of an incident row, in the order intake writes them in bulk. */
export const INCIDENT_COLUMNS = [
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

/**
 * The incidents among `candidates` that may be merged: a person's split wins over automatic
 * grouping, so incidents holding reports split apart are never joined. Keeps the incidents in
 * order, skipping any that conflict with one already kept.
 */
export async function compatibleIncidents(tx: Db, candidates: string[]): Promise<string[]> {
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
export async function splitIncident(
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
  const newId = firstOf(moved)?.id;
  const keptId = firstOf(staying)?.id;
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

/** Makes a stored report the first and only report of its own incident. */
export async function foundIncident(tx: Db, reportId: string): Promise<void> {
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
export async function mergeInto(tx: Db, reportId: string, incidents: string[]): Promise<void> {
  const anchors = await tx
    .selectFrom('reports')
    .select(['id', 'observed_from'])
    .where('id', 'in', [reportId, ...incidents])
    .execute();
  const survivor = firstOf(anchors)?.id ?? reportId;
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
export async function refreshIncident(tx: Db, id: string): Promise<void> {
  const rows = await tx
    .selectFrom('reports')
    .select([...MEMBER_COLUMNS, 'body'])
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
  // The status is the verification's (projections/accountability.ts): regrouping keeps it.
  const { id: _id, status, ...changes } = incidentRow(id, members);
  await tx
    .insertInto('incidents')
    .values({ id, status, ...changes })
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

/** What incident order reads of a report: the start of its window and its id. */
type Ordered = Pick<Member, 'observed_from' | 'id'>;

/**
 * Incident order: by the start of the window, then id. An incident is named after its first
 * report in this order, and lists its reports in it.
 */
function byTimeThenId(a: Ordered, b: Ordered): number {
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

/** The first report in incident order; undefined for none. */
export function firstOf<T extends Ordered>(reports: readonly T[]): T | undefined {
  return reports.reduce<T | undefined>(
    (first, r) => (first === undefined || byTimeThenId(r, first) < 0 ? r : first),
    undefined,
  );
}

/**
 * An incident from its reports: the time window spans them all; the place is the most precise
 * report's (earliest among equals); the type is the most reported (earliest on ties); sources
 * are counted by name; the search text joins place names and texts in order.
 */
export function incidentRow(id: string, unordered: readonly Member[]): IncidentRow {
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
