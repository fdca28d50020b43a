/** Report file imports over HTTP: the answer (the formats are the importers', so the query stays in the route). */
import { Type, type Static } from 'typebox';

/** The import's summary and the rejected rows with their lines (the first 1000). */
export const ImportSummary = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
});
export type ImportSummary = Static<typeof ImportSummary>;
