/**
 * The report events' projection: intake (store/report-intake.ts), triage, and a person's merges
 * and splits of incidents.
 */
import type { RecordedEvent } from '../../core/events.js';
import type { StoredReport } from '../../core/reports/report.js';
import { openIndex, stampIndex } from '../grouping-index-store.js';
import { recordGroupingDecision } from '../grouping-decision-store.js';
import { mergeInto, splitIncident } from '../incident-writes.js';
import { placeStored, receive } from '../report-intake.js';
import type { Db } from '../transactions.js';

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
