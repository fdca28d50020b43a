/** The intake API's shapes: each report's result, a batch's answer, stored reports and triage. */
import { Type, type Static } from 'typebox';
import { Loose, Problem } from './common.js';

/** What became of one report sent: accepted, a duplicate (same clientId) or rejected. */
export const IntakeResult = Type.Object({
  index: Type.Integer(),
  status: Type.String({ enum: ['accepted', 'duplicate', 'rejected'] }),
  id: Type.Optional(Type.String()),
  replaces: Type.Optional(Type.String()),
  problems: Type.Optional(Type.Array(Problem)),
});
export type IntakeResult = Static<typeof IntakeResult>;

/** A batch's answer: the counts, and each report's result in the order sent. */
export const BatchResult = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(IntakeResult),
});
export type BatchResult = Static<typeof BatchResult>;

/** A batch's answer, or the result of one report already received. */
export const BatchOrResult = Type.Unsafe<BatchResult | IntakeResult>({
  anyOf: [BatchResult, IntakeResult],
});

/** One report, or `{"reports": [...]}`; each report is checked by the intake. */
export const ReportsInput = Loose;
export type ReportsInput = Static<typeof ReportsInput>;

export const PendingReports = Type.Object({ reports: Type.Array(Loose) });
export type PendingReports = Static<typeof PendingReports>;

/** A report as stored, with the incident it is in and its triage decision. */
export const StoredReport = Type.Object({
  report: Loose,
  incidentId: Type.Union([Type.String(), Type.Null()]),
  triage: Type.Union([Type.String(), Type.Null()]),
});
export type StoredReport = Static<typeof StoredReport>;

export const TriageInput = Type.Object(
  {
    decision: Type.Unsafe<'accepted' | 'rejected'>(Type.String({ enum: ['accepted', 'rejected'] })),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type TriageInput = Static<typeof TriageInput>;

/** A CAP message filed as a report: accepted (201) or already received (200). */
export const CapIntakeResult = Type.Object({ status: Type.String(), id: Type.String() });
export type CapIntakeResult = Static<typeof CapIntakeResult>;
