/**
 * Importing a report file: the importers read it (streaming), the rows go in batches through
 * the same intake as the API, and every problem is passed on with its line. Shared by
 * `truce import` and `POST /api/v1/imports`.
 */
import type { Principal } from '../core/auth/principal.js';
import { invalid } from '../core/errors.js';
import {
  DateFormatAmbiguity,
  ImportUsageError,
  readReports,
  type ImportRow,
  type ReadReportsInput,
} from '../importers/index.js';
import type { IntakeResult, ReportsService } from './reports-service.js';

/** One problem of one row, as the reject list shows it. */
export interface RejectLine {
  readonly line: number;
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What an import did. */
export interface ImportSummary {
  readonly read: number;
  readonly accepted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly warnings: number;
  /** With allOrNothing and a rejected row: nothing was stored. */
  readonly stored: boolean;
  readonly sourceName: string | null;
  /** Source-record ids stored before from this source that the file no longer has. */
  readonly disappeared: string[];
}

const BATCH = 10_000;

/**
 * Imports a file. Usage mistakes and undecidable dates become VALIDATION_FAILED (nothing is
 * stored); row problems go to `onReject` and never stop the import unless `allOrNothing`.
 */
export async function importReportFile(
  reports: ReportsService,
  input: ReadReportsInput & { readonly allOrNothing?: boolean },
  by: Principal,
  hooks: { onReject?: (reject: RejectLine) => void; onProgress?: (read: number) => void } = {},
): Promise<ImportSummary> {
  const counts = { read: 0, accepted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 };
  // How often each source-record id occurred: it was seen, and its n-th occurrence is `<id>#<n>`.
  const occurrences = new Map<string, number>();
  const seen = (id: string) => {
    if (occurrences.has(id)) return true;
    const repeat = /^(.*)#(\d+)$/.exec(id);
    return repeat !== null && (occurrences.get(repeat[1] ?? '') ?? 0) >= Number(repeat[2]);
  };
  let sourceName: string | null = null;
  const pending: ImportRow[] = [];
  const held: ImportRow[] = [];
  const reject = (r: RejectLine) => hooks.onReject?.(r);
  const tally = (result: IntakeResult, row: ImportRow) => {
    if (result.status === 'accepted') counts[result.replaces ? 'updated' : 'accepted'] += 1;
    else if (result.status === 'duplicate') counts.unchanged += 1;
    else {
      counts.rejected += 1;
      for (const p of result.problems)
        reject({ line: row.line, field: p.path, severity: 'error', message: p.message });
    }
  };
  const flush = async (batch: ImportRow[]) => {
    if (batch.length === 0) return;
    const results = await reports.submit(
      batch.map((row) => ({ value: row.report, original: row.original })),
      by,
    );
    results.forEach((result, i) => tally(result, batch[i] as ImportRow));
  };
  try {
    for await (let row of readReports(input)) {
      counts.read += 1;
      // An id repeated within one file is a defect of the file, not a correction: the n-th
      // occurrence is kept as its own report under `<id>#<n>` (stable while the order is).
      const id = row.report?.sourceRecordId ?? row.sourceRecordId;
      if (id) {
        const occurrence = (occurrences.get(id) ?? 0) + 1;
        occurrences.set(id, occurrence);
        if (occurrence > 1 && row.report !== undefined) {
          row = { ...row, report: { ...row.report, sourceRecordId: `${id}#${occurrence}` } };
        }
      }
      for (const p of row.problems) {
        if (p.severity === 'warning') counts.warnings += 1;
        reject({ line: row.line, field: p.field, severity: p.severity, message: p.message });
      }
      if (counts.read % 10_000 === 0) hooks.onProgress?.(counts.read);
      if (row.report === undefined) {
        counts.rejected += 1;
        continue;
      }
      sourceName ??= row.report.source.name;
      (input.allOrNothing ? held : pending).push(row);
      if (pending.length >= BATCH) await flush(pending.splice(0));
    }
  } catch (error) {
    if (error instanceof ImportUsageError || error instanceof DateFormatAmbiguity) {
      throw invalid('file', error.message);
    }
    throw error;
  }
  if (input.allOrNothing && counts.rejected > 0) {
    return { ...counts, accepted: 0, stored: false, sourceName, disappeared: [] };
  }
  if (input.allOrNothing && held.length > 0) {
    // One transaction for the whole file: a report the intake refuses undoes all of them.
    const results = await reports.submit(
      held.map((row) => ({ value: row.report, original: row.original })),
      by,
      { allOrNothing: true },
    );
    results.forEach((result, i) => tally(result, held[i] as ImportRow));
    if (counts.rejected > 0) {
      return {
        ...counts,
        accepted: 0,
        updated: 0,
        unchanged: 0,
        stored: false,
        sourceName,
        disappeared: [],
      };
    }
  }
  await flush(pending.splice(0));
  const disappeared =
    sourceName === null
      ? []
      : (await reports.knownSourceRecords(sourceName)).filter((id) => !seen(id));
  return { ...counts, stored: true, sourceName, disappeared };
}
