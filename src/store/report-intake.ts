/**
 * Intake's grouping: the `reports.received` projection inserts each report and groups it at
 * once (incremental grouping): the report joins the incident of every earlier report it
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
import { scorePair, type GroupingPoint } from '../core/incidents/grouping.js';
import type { GroupingIndex } from '../core/incidents/grouping-index.js';
import type { StoredReport } from '../core/reports/report.js';
import { chunks, insertRows } from './bulk.js';
import { openIndex, stampIndex } from './grouping-index-store.js';
import {
  compatibleIncidents,
  firstOf,
  foundIncident,
  INCIDENT_COLUMNS,
  incidentRow,
  mergeInto,
  refreshIncident,
  type Member,
} from './incident-writes.js';
import { LINK_COLUMNS, pointOf, REPORT_COLUMNS, reportRow } from './report-rows.js';
import type { GroupingLinkRow, ReportRow } from './schema.js';
import type { Db } from './transactions.js';

/** An incident founded or joined within the batch being written, not yet in the tables. */
interface Forming {
  id: string;
  members: Member[];
}

/** The reports.received projection: rows, links and incidents of a batch, in few statements. */
export async function receive(tx: Db, reports: readonly StoredReport[]): Promise<void> {
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
      const incident: Forming = { id: (firstOf(members) as Member).id, members };
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
export async function placeStored(
  tx: Db,
  index: GroupingIndex,
  report: StoredReport,
): Promise<void> {
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
