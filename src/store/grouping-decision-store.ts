/**
 * A person's merges and splits as decisions (`grouping_decisions`), each linked to every report
 * it concerned, so the incidents those reports end up in can show it.
 */
import type { RecordedEvent } from '../core/events.js';
import { chunks } from './bulk.js';
import type { GroupingDecisionRow } from './schema.js';
import type { Db } from './transactions.js';

/**
 * Keeps a person's merge or split as a decision, linked to every report it concerned (the
 * members of the incidents before it), so the incidents those reports end up in can show it.
 */
export async function recordGroupingDecision(
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

/** A person's merge or split, as the incident page shows it. */
export interface GroupingDecision {
  readonly eventId: string;
  readonly kind: GroupingDecisionRow['kind'];
  readonly reason: string;
  readonly incidentIds: string[];
  readonly movedReportIds: string[];
  /** The principal id of whoever decided. */
  readonly by: string;
  readonly at: string;
}

/** The merges and splits that concerned any of these reports, oldest first. */
export async function groupingDecisionsOf(
  db: Db,
  reportIds: readonly string[],
): Promise<GroupingDecision[]> {
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
  decisions.sort((a, b) =>
    a.decided_at === b.decided_at
      ? a.event_id.localeCompare(b.event_id)
      : a.decided_at < b.decided_at
        ? -1
        : 1,
  );
  return decisions.map((d) => ({
    eventId: d.event_id,
    kind: d.kind,
    reason: d.reason,
    incidentIds: JSON.parse(d.incident_ids) as string[],
    movedReportIds: JSON.parse(d.moved_report_ids) as string[],
    by: d.decided_by,
    at: d.decided_at,
  }));
}
