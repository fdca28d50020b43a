/**
 * Intake: reports from the API (one or a batch of up to 10,000) and from importers. Each report
 * is checked on its own; the valid ones land together in one transaction and are acknowledged
 * only after it commits (SQLite synchronous=FULL, PostgreSQL's commit), so an acknowledged
 * report survives a crash. A client id seen before is a duplicate, answered with the first
 * report's id; a source record id seen before with the same content is unchanged, and with
 * other content becomes a correction of the earlier report.
 */
import canonicalize from 'canonicalize';
import { stampEvents, type EventBody } from '../core/events.js';
import { DomainError, invalid, type ErrorDetail } from '../core/errors.js';
import { principalId, type Principal } from '../core/auth/principal.js';
import {
  canonicalReport,
  checkReport,
  completeReport,
  type StoredReport,
} from '../core/reports/report.js';
import { withCanonicalText } from '../core/record/entry.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import { record } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { storedHashes } from '../store/content-store.js';
import { prepareGroupingIndex } from '../store/grouping-index-store.js';
import {
  findByClientKeys,
  findBySourceKeys,
  findReport,
  incidentsOfReports,
  pendingReports,
  reportOwners,
  sourceRecordIds,
  triageOf,
} from '../store/report-store.js';
import type { ServiceContext } from './context.js';
import { createGroupCommit } from './group-commit.js';

/** The most reports one request may carry. */
export const MAX_BATCH = 10_000;

/** What happened to one submitted report. */
export type IntakeResult =
  | { index: number; status: 'accepted'; id: string; replaces?: string }
  | { index: number; status: 'duplicate'; id: string }
  | { index: number; status: 'rejected'; problems: ErrorDetail[] };

/** One report to take in, with the original record when it came from a file. */
export interface Submission {
  readonly value: unknown;
  readonly original?: unknown;
}

/** The most one stored report may take: it must fit one record entry with room to spare. */
export const MAX_REPORT_BYTES = 56 * 1024;

/** Thrown inside an all-or-nothing intake to roll it back; carries the per-report results. */
class NothingStored extends Error {
  constructor(readonly results: IntakeResult[]) {
    super('a report was rejected; nothing was stored');
  }
}

/** Entries are limited in size; reports are recorded in events of about this many bytes. */
const EVENT_BUDGET_BYTES = 48 * 1024;

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService(ctx: ServiceContext) {
  const { db } = ctx.store;

  const service = {
    /**
     * Takes in reports; the answer has one result per submission, in order. `public` marks a
     * submission from the public form: its source kind is forced to `public` and it waits for
     * triage, outside incidents.
     */
    async submit(
      submissions: readonly Submission[],
      by: Principal | { public: string },
      options: { allOrNothing?: boolean } = {},
    ): Promise<IntakeResult[]> {
      const isPublic = 'public' in by;
      const submittedBy = isPublic ? `public:${by.public}` : principalId(by);
      const at = ctx.now().toISOString();
      const forced = isPublic
        ? submissions.map((s) => ({ ...s, value: asPublic(s.value) }))
        : submissions;
      const checked = forced.map((s, index) => ({
        index,
        ...s,
        problems: checkReport(s.value),
      }));
      const written = inTransaction(db, async (tx) => {
        // Evidence is cited by hash: the file must have been uploaded first.
        const cited = checked.flatMap((c) =>
          c.problems.length === 0 ? ((c.value as ReportInput).evidence ?? []) : [],
        );
        const stored = cited.length === 0 ? new Set<string>() : await storedHashes(tx, cited);
        for (const c of checked) {
          if (c.problems.length > 0) continue;
          (c.value as ReportInput).evidence?.forEach((hash, i) => {
            if (!stored.has(hash)) {
              c.problems.push({
                path: `/evidence/${i}`,
                message: 'no evidence with this SHA-256 was uploaded',
              });
            }
          });
        }
        // A correction names a current report of the same sender.
        const corrected = checked.flatMap((c) => {
          const target =
            c.problems.length === 0 ? (c.value as ReportInput).correctionOf : undefined;
          return target === undefined ? [] : [target];
        });
        const owners = corrected.length === 0 ? new Map() : await reportOwners(tx, corrected);
        for (const c of checked) {
          const target =
            c.problems.length === 0 ? (c.value as ReportInput).correctionOf : undefined;
          if (target === undefined) continue;
          const owner = owners.get(target);
          const problem =
            owner === undefined
              ? 'no such report'
              : owner.submittedBy !== submittedBy
                ? 'only its sender can correct a report'
                : owner.supersededBy !== null
                  ? `was corrected already (by ${owner.supersededBy})`
                  : undefined;
          if (problem) c.problems.push({ path: '/correctionOf', message: problem });
        }
        const valid = checked.filter((c) => c.problems.length === 0);
        const inputs = new Map(valid.map((c) => [c.index, c.value as ReportInput]));
        const clientKeyOf = (i: number) => {
          const clientId = inputs.get(i)?.clientId;
          return clientId === undefined ? undefined : `${submittedBy}:${clientId}`;
        };
        const sourceKeyOf = (i: number) => {
          const input = inputs.get(i);
          return input?.sourceRecordId === undefined
            ? undefined
            : `${input.source.name}:${input.sourceRecordId}`;
        };
        const known = await findByClientKeys(
          tx,
          valid.flatMap((c) => clientKeyOf(c.index) ?? []),
        );
        const previous = await findBySourceKeys(
          tx,
          valid.flatMap((c) => sourceKeyOf(c.index) ?? []),
        );
        const results: IntakeResult[] = [];
        const accepted: StoredReport[] = [];
        for (const c of checked) {
          if (c.problems.length > 0) {
            results.push({ index: c.index, status: 'rejected', problems: c.problems });
            continue;
          }
          const clientKey = clientKeyOf(c.index);
          const existing = clientKey === undefined ? undefined : known.get(clientKey);
          if (existing !== undefined) {
            results.push({ index: c.index, status: 'duplicate', id: existing });
            continue;
          }
          const input = inputs.get(c.index) as ReportInput;
          const sourceKey = sourceKeyOf(c.index);
          const earlier = sourceKey === undefined ? undefined : previous.get(sourceKey);
          if (earlier !== undefined && sameContent(earlier.body, input, { submittedBy })) {
            results.push({ index: c.index, status: 'duplicate', id: earlier.id });
            continue;
          }
          const id = ctx.newId();
          const report = completeReport(
            earlier === undefined ? input : { ...input, correctionOf: earlier.id },
            {
              id,
              receivedAt: at,
              submittedBy,
              ...(c.original === undefined ? {} : { original: c.original }),
              pending: isPublic,
            },
          );
          const bytes = Buffer.byteLength(canonicalReport(report));
          if (bytes > MAX_REPORT_BYTES) {
            results.push({
              index: c.index,
              status: 'rejected',
              problems: [
                {
                  path: '/',
                  message: `takes ${Math.ceil(bytes / 1024)} KiB as stored; a report may take at most ${MAX_REPORT_BYTES / 1024} KiB (shorten the text)`,
                },
              ],
            });
            continue;
          }
          accepted.push(report);
          if (clientKey !== undefined) known.set(clientKey, id);
          if (sourceKey !== undefined)
            previous.set(sourceKey, { id, body: canonicalReport(report) });
          results.push({
            index: c.index,
            status: 'accepted',
            id,
            ...(earlier === undefined ? {} : { replaces: earlier.id }),
          });
        }
        if (accepted.length > 0) {
          await record(tx, stampEvents(chunk(accepted), { at, by: submittedBy, newId: ctx.newId }));
        }
        if (options.allOrNothing && results.some((r) => r.status === 'rejected')) {
          // Roll the whole transaction back, and still tell which reports were at fault.
          throw new NothingStored(results);
        }
        return results;
      });
      return written.catch((error: unknown) => {
        if (error instanceof NothingStored) return error.results;
        throw error;
      });
    },

    /**
     * Takes in one report, written together with the other single reports arriving meanwhile
     * from the same sender (group commit): as durable, far fewer transactions.
     */
    submitOne: (
      submission: Submission,
      by: Principal | { public: string },
    ): Promise<IntakeResult> =>
      submitQueued(by, submission).then((result) => ({ ...result, index: 0 })),

    /** The incident a report is in (undefined for unknown, pending or rejected reports). */
    incidentOf: async (reportId: string): Promise<string | undefined> =>
      (await incidentsOfReports(db, [reportId])).get(reportId),

    /**
     * One report as stored, with its incident. Public submissions not accepted in triage are
     * only for those who triage.
     */
    async get(reportId: string, canTriage: boolean) {
      const found = await findReport(db, reportId);
      if (
        found === undefined ||
        (found.triage !== null && found.triage !== 'accepted' && !canTriage)
      ) {
        throw new DomainError('NOT_FOUND', `no report "${reportId}"`, [
          { path: 'id', message: 'no such report' },
        ]);
      }
      return found;
    },

    /** Builds the grouping index ahead of the first report (a server does it at start). */
    prepareGrouping: (): Promise<void> => prepareGroupingIndex(db),

    /** The source-record ids of the current reports from one source (to spot deletions). */
    knownSourceRecords: (sourceName: string): Promise<string[]> => sourceRecordIds(db, sourceName),

    /** Public submissions waiting for triage, oldest first. */
    pending: (limit = 100): Promise<StoredReport[]> => pendingReports(db, limit),

    /** Accepts a pending public submission into incidents, or rejects it, with a reason. */
    async triage(
      reportId: string,
      decision: 'accepted' | 'rejected',
      reason: string,
      by: Principal,
    ): Promise<void> {
      if (reason.trim().length === 0) throw invalid('reason', 'give the reason for the decision');
      await inTransaction(db, async (tx) => {
        const state = await triageOf(tx, reportId);
        if (state === undefined) {
          throw new DomainError('NOT_FOUND', `no report "${reportId}"`, [
            { path: 'id', message: 'no such report' },
          ]);
        }
        if (state !== 'pending') {
          throw new DomainError(
            'CONFLICT',
            `report ${reportId} is not waiting for triage (${state ?? 'not a public submission'})`,
            [{ path: 'id', message: 'not pending' }],
          );
        }
        await record(
          tx,
          stampEvents(
            [{ type: 'report.triaged', payload: { reportId, decision, reason: reason.trim() } }],
            {
              at: ctx.now().toISOString(),
              by: principalId(by),
              newId: ctx.newId,
            },
          ),
        );
      });
    },
  };
  const submitQueued = createGroupCommit(
    (by: Principal | { public: string }, items: Submission[]) => service.submit(items, by),
    (by) => ('public' in by ? `public:${by.public}` : principalId(by)),
  );
  return service;
}

/** A public submission: whatever the sender says, its source is the public. */
function asPublic(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const source = record['source'];
  const name =
    source !== null &&
    typeof source === 'object' &&
    typeof (source as Record<string, unknown>)['name'] === 'string'
      ? ((source as Record<string, unknown>)['name'] as string)
      : 'public submission';
  // A public sender may not correct (and so hide) reports, nor claim a data set's record ids.
  const { correctionOf: _correction, sourceRecordId: _record, ...rest } = record;
  return { ...rest, source: { kind: 'public', name } };
}

/** True when a stored report (its body) says what `input` says, ignoring what Truce added. */
function sameContent(body: string, input: ReportInput, meta: { submittedBy: string }): boolean {
  const stored = JSON.parse(body) as StoredReport;
  const completed = completeReport(input, {
    id: stored.id,
    receivedAt: stored.receivedAt,
    submittedBy: meta.submittedBy,
  });
  /** What the sender said, without what Truce added or the link to the report it replaced. */
  const said = (report: StoredReport) => {
    const {
      id: _id,
      receivedAt: _receivedAt,
      submittedBy: _submittedBy,
      original: _original,
      triage: _triage,
      correctionOf: _correctionOf,
      clientId: _clientId,
      ...rest
    } = report;
    return canonicalize(rest);
  };
  return said(stored) === said(completed);
}

/** Splits reports into `reports.received` events that each fit one record entry. */
function chunk(reports: readonly StoredReport[]): EventBody[] {
  const events: EventBody[] = [];
  let current: StoredReport[] = [];
  let texts: string[] = [];
  let bytes = 0;
  const close = () => {
    const payload = withCanonicalText({ reports: current }, `{"reports":[${texts.join(',')}]}`);
    events.push({ type: 'reports.received', payload });
  };
  for (const report of reports) {
    const text = canonicalReport(report);
    const size = Buffer.byteLength(text);
    if (current.length > 0 && bytes + size > EVENT_BUDGET_BYTES) {
      close();
      current = [];
      texts = [];
      bytes = 0;
    }
    current.push(report);
    texts.push(text);
    bytes += size;
  }
  if (current.length > 0) close();
  return events;
}
