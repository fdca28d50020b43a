/** Shapes of the monitoring API's answers: incidents, their reports and groupings, imports. */

/** A place with the radius within which the event happened, in metres. */
export interface IncidentPlace {
  readonly lon: number;
  readonly lat: number;
  readonly radiusM: number;
}

/** An incident as the list shows it. */
export interface IncidentSummary {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly observedFrom: string;
  readonly observedTo: string;
  readonly location: IncidentPlace | null;
  readonly reports: number;
  readonly sources: number;
}

/** A page of incidents, newest first; `next` is the cursor of the following page. */
export interface IncidentPage {
  readonly incidents: readonly IncidentSummary[];
  readonly next: string | null;
}

/** How an incident's place relates to a zone in force at the time. */
export interface IncidentZone {
  readonly documentId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly kind: string;
  readonly approximate: boolean;
  readonly inForce: 'yes' | 'indeterminate';
  readonly relation: 'inside' | 'outside' | 'indeterminate' | 'near';
  readonly distanceM: number;
}

/** Who a report comes from, with its Admiralty grading when given. */
export interface ReportSource {
  readonly kind: string;
  readonly name: string;
  readonly reliability?: string;
  readonly credibility?: number;
}

/** A report as stored: every precision filled in. */
export interface StoredReport {
  readonly id: string;
  readonly observedFrom: string;
  readonly observedTo: string;
  readonly timePrecision: string;
  readonly location?: IncidentPlace & { readonly precision: string };
  readonly mode: string;
  readonly type: string;
  readonly source: ReportSource;
  readonly text?: string;
  readonly placeName?: string;
  /** SHA-256 of each piece of uploaded evidence. */
  readonly evidence?: readonly string[];
  readonly sourceRecordId?: string;
  readonly receivedAt: string;
}

/** Why two reports were grouped, or suggested for grouping. */
export interface GroupingExplanation {
  readonly score: number;
  readonly decision: 'grouped' | 'suggested' | 'apart';
  readonly distanceM: number;
  readonly toleranceM: number;
  /** Overlap of the time windows in ms, or the gap between them as a negative number. */
  readonly overlapMs: number;
  readonly typeMatch: 'same' | 'category' | 'related' | 'none';
}

/** One pair of reports of an incident and the explanation of their grouping. */
export interface Grouping {
  readonly reportId: string;
  readonly otherId: string;
  /** The incident of the pair's report that is not in this one; null when both are. */
  readonly otherIncidentId: string | null;
  readonly explanation: GroupingExplanation;
}

/** A person's merge or split that concerned an incident's reports. */
export interface GroupingDecision {
  /** The record event, to prove the decision is in the record. */
  readonly eventId: string;
  readonly kind: 'merge' | 'split';
  readonly reason: string;
  /** The incidents as the decision named them. */
  readonly incidentIds: readonly string[];
  /** For a split, the reports taken out. */
  readonly movedReportIds: readonly string[];
  readonly by: string;
  readonly at: string;
}

/** One incident with the zones it relates to, its reports and its groupings. */
export interface IncidentView {
  readonly incident: IncidentSummary;
  readonly zones: readonly IncidentZone[];
  readonly reports: readonly StoredReport[];
  /** People's merges and splits of its reports, oldest first. */
  readonly decisions: readonly GroupingDecision[];
  /** User names for the principal ids of `decisions`. */
  readonly names: Readonly<Record<string, string>>;
  readonly groupings: readonly Grouping[];
}

/** One problem of one row of an imported file. */
export interface RejectLine {
  readonly line: number;
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What an import did; `rejects` lists at most the first 1,000 problems. */
export interface ImportSummary {
  readonly read: number;
  readonly accepted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly stored: boolean;
  readonly sourceName: string | null;
  readonly disappeared: readonly string[];
  readonly rejects: readonly RejectLine[];
}

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
