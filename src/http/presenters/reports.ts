/** Intake as the API shows it: each report's result, a batch's counts, stored reports. */
import type { IntakeResult } from '../../services/reports-service.js';
import type * as Reports from '../schemas/reports.js';
import type { Resolved } from './resolved.js';

/** One report's result (the service's result is the API shape). */
export function presentIntakeResult(result: IntakeResult): Reports.IntakeResult {
  return result;
}

/** A batch's counts and results; problems' paths name the report within the body. */
export function presentBatch(results: readonly IntakeResult[]): Reports.BatchResult {
  const count = (status: IntakeResult['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    results: results.map((r) =>
      r.status === 'rejected'
        ? {
            ...r,
            problems: r.problems.map((p) => ({
              ...p,
              path: `body/reports/${r.index}${p.path === '/' ? '' : p.path}`,
            })),
          }
        : r,
    ),
  };
}

/** Public submissions waiting for triage. */
export function presentPending(reports: Resolved<'reports', 'pending'>): Reports.PendingReports {
  return { reports };
}

/** A report as stored (the service's view is the API shape). */
export function presentStoredReport(view: Resolved<'reports', 'get'>): Reports.StoredReport {
  return view;
}
