/**
 * What follows a person's grouping decision: which incident holds the reports after a merge,
 * and whether an incident is still there after a split, found without asking the server for an
 * incident that is gone (the browser logs every 404 answer as an error).
 */
import { ApiError } from '../../api';
import { getIncident, mergeIncidents } from '../../endpoints';
import type { IncidentView, StoredReport } from './types';

/** Whether report `a` comes before `b` in the server's order: by observedFrom, then by id. */
function comesBefore(a: StoredReport, b: StoredReport): boolean {
  const aFrom = Date.parse(a.observedFrom);
  const bFrom = Date.parse(b.observedFrom);
  return aFrom === bFrom ? a.id < b.id : aFrom < bFrom;
}

function earliestReport(view: IncidentView): StoredReport | undefined {
  return view.reports.reduce<StoredReport | undefined>(
    (first, report) => (first === undefined || comesBefore(report, first) ? report : first),
    undefined,
  );
}

/**
 * The id the server gives the merge of `views`: that of the incident with the earliest report.
 * Requires at least one view.
 */
export function mergeSurvivor(views: readonly [IncidentView, ...IncidentView[]]): string {
  let survivor = views[0];
  for (const view of views.slice(1)) {
    const first = earliestReport(view);
    const current = earliestReport(survivor);
    if (first !== undefined && (current === undefined || comesBefore(first, current))) {
      survivor = view;
    }
  }
  return survivor.incident.id;
}

/** Whether incident `id` exists; any failure other than "not found" is thrown. */
export async function incidentExists(id: string): Promise<boolean> {
  try {
    await getIncident(id);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

/**
 * Merges the incident of `view` with `otherIncidentId` for `reason`, and answers the id of the
 * incident that holds both afterwards. The other incident is read first, to tell which one keeps
 * its id; the guess is checked, and the other candidate answered when it was wrong.
 */
export async function mergeAndFindSurvivor(
  view: IncidentView,
  otherIncidentId: string,
  reason: string,
): Promise<string> {
  const other = await getIncident(otherIncidentId);
  await mergeIncidents([view.incident.id, otherIncidentId], reason);
  const survivor = mergeSurvivor([view, other]);
  if (await incidentExists(survivor)) return survivor;
  return survivor === otherIncidentId ? view.incident.id : otherIncidentId;
}
