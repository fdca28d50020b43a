/** Report file imports over HTTP: the answer (the formats are the importers', so the query stays in the route). */
import { Type, type Static } from 'typebox';
import { Enum, Nullable } from './common.js';

/** One problem of one row of the imported file. */
export const RejectLine = Type.Object({
  line: Type.Integer({ description: 'the line of the file the row starts on' }),
  field: Type.String(),
  severity: Enum(['error', 'warning'] as const),
  message: Type.String(),
});
export type RejectLine = Static<typeof RejectLine>;

/** The import's summary and the rejected rows with their lines (the first 1000). */
export const ImportSummary = Type.Object({
  read: Type.Integer(),
  accepted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  warnings: Type.Integer(),
  stored: Type.Boolean({ description: 'false when allOrNothing met a rejected row' }),
  sourceName: Nullable(Type.String()),
  disappeared: Type.Array(Type.String(), {
    description: 'source-record ids stored before from this source that the file no longer has',
  }),
  rejects: Type.Array(RejectLine),
});
export type ImportSummary = Static<typeof ImportSummary>;
