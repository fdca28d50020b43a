/**
 * Shapes of the monitoring API's answers: incidents, their reports and groupings, imports. The
 * incidents' shapes are the server's schema types (src/http/schemas/incidents.ts) and the
 * reports and grouping explanations the core's, which the server sends as they are (types only,
 * nothing is bundled).
 */
import type { IncidentDetail } from '../../../../src/http/schemas/incidents.js';
import type { GroupingExplanation } from '../../../../src/core/incidents/grouping.js';
import type { StoredReport } from '../../../../src/core/reports/report.js';

export type { GroupingExplanation, StoredReport };
export type { ReportSource } from '../../../../src/core/reports/report-schema.js';
export type {
  GroupingDecision,
  Incident,
  IncidentList,
  IncidentPlace,
  IncidentZone,
} from '../../../../src/http/schemas/incidents.js';

/** One pair of reports of an incident and the explanation of their grouping. */
export interface Grouping {
  readonly reportId: string;
  readonly otherId: string;
  /** The incident of the pair's report that is not in this one; null when both are. */
  readonly otherIncidentId: string | null;
  readonly explanation: GroupingExplanation;
}

/**
 * One incident with the zones it relates to, its reports and its groupings: the server's
 * IncidentDetail, whose schema leaves the reports and groupings open (the API document does not
 * describe them field by field), with their types.
 */
export type IncidentView = Omit<IncidentDetail, 'reports' | 'groupings'> & {
  readonly reports: readonly StoredReport[];
  readonly groupings: readonly Grouping[];
};

export type { ImportSummary } from '../../../../src/http/schemas/imports.js';

/** The file formats the importers read, as the API names them. */
export const IMPORT_FORMATS = [
  'ucdp',
  'ucdp-geojson',
  'acled',
  'viina',
  'cir',
  'bellingcat',
  'geojson',
  'csv',
] as const;

/** A file format the importers read. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How to read ambiguous day/month dates. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY'] as const;

/** The most rejected rows an import's answer lists. */
export const MAX_LISTED_REJECTS = 1000;
