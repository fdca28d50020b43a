/**
 * The projection of report events: intake (store/report-intake.ts), triage, and a person's merges
 * and splits of incidents (`reports`, `incidents`, `grouping_*`).
 */
import type { StoredReport } from '../../core/reports/report.js';
import { openIndex, stampIndex } from '../grouping-index-store.js';
import { recordGroupingDecision } from '../grouping-decision-store.js';
import { mergeInto, splitIncident } from '../incident-writes.js';
import { placeStored, receive } from '../report-intake.js';
import type { Db } from '../transactions.js';
import type { EventOf } from './projector.js';

/** A batch of reports: stored and grouped into incidents. */
export async function receiveReports(tx: Db, event: EventOf<'reports.received'>): Promise<void> {
  await receive(tx, event.payload.reports);
}

/** A person's merge of incidents into one, named after its first report. */
export async function mergeIncidents(tx: Db, event: EventOf<'incidents.merged'>): Promise<void> {
  const [first, ...others] = event.payload.incidentIds;
  if (first === undefined) return;
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
}

/** A person's split: reports moved out of an incident into a new one, kept apart from the rest. */
export async function splitIncidentApart(tx: Db, event: EventOf<'incident.split'>): Promise<void> {
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
}

/** A public submission triaged: accepted ones are grouped into incidents now. */
export async function triageReport(tx: Db, event: EventOf<'report.triaged'>): Promise<void> {
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
}
