/** A report file's import as the API shows it. */
import type { ImportSummary as ImportCounts, RejectLine } from '../../services/import-service.js';
import type * as Imports from '../schemas/imports.js';

/** The import's counts with the rejected rows the route kept (the first MAX_LISTED_REJECTS). */
export function presentImportSummary(
  summary: ImportCounts,
  rejects: readonly RejectLine[],
): Imports.ImportSummary {
  return { ...summary, rejects: [...rejects] };
}
