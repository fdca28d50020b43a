/**
 * Whether two reports are about the same event: distance scaled by both reports' location
 * precision, overlap of their time windows, and compatible incident types. Pure; the store
 * finds the candidates, this decides and explains.
 */
import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentType,
} from '../agreements/vocabulary.js';

/** What grouping needs of a report. Times are ms since the epoch; the window is inclusive. */
export interface GroupingPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** The location's precision radius in metres. */
  readonly radiusM: number;
  readonly from: number;
  readonly to: number;
  readonly type: IncidentType;
}

/** Scores at or above `auto` group at once; between `suggest` and `auto` a person confirms. */
export const GROUPING_THRESHOLDS = { auto: 0.7, suggest: 0.4 } as const;

/** Reports never group across more than this gap between their time windows. */
export const MAX_TIME_GAP_MS = 6 * 3600 * 1000;

/**
 * A report whose window is longer than this ("some time that week") may be suggested for an
 * incident but never joins one automatically: it would chain every event at its place into one.
 */
export const MAX_AUTO_WINDOW_MS = 2 * 24 * 3600 * 1000;

/** The most a pair with a window longer than MAX_AUTO_WINDOW_MS scores for time: suggested. */
const COARSE_TIME_FACTOR = 0.6;

/** How well two types match: the same, the same category, related categories, or not at all. */
export type TypeMatch = 'same' | 'category' | 'related' | 'none';

/** The explanation kept with every grouping decision. */
export interface GroupingExplanation {
  readonly score: number;
  readonly decision: 'grouped' | 'suggested' | 'apart';
  readonly distanceM: number;
  /** Distance within which the two locations may be the same place. */
  readonly toleranceM: number;
  /** Overlap of the time windows in ms (0 when they only touch), or the gap as a negative. */
  readonly overlapMs: number;
  readonly typeMatch: TypeMatch;
}

const TYPE_FACTORS: Readonly<Record<TypeMatch, number>> = {
  same: 1,
  category: 0.85,
  related: 0.75,
  none: 0,
};

/** Categories whose reports can describe the same event (a strike that harmed civilians). */
const RELATED: readonly (readonly [IncidentCategory, IncidentCategory])[] = [
  ['kinetic_remote', 'harm_to_civilians'],
  ['kinetic_direct', 'harm_to_civilians'],
  ['kinetic_remote', 'kinetic_direct'],
];

/**
 * Scores a pair of reports in [0, 1] with its explanation. The score is the product of a
 * spatial factor (1 within the tolerance, falling to 0 at twice it), a time factor (1 when the
 * windows overlap, falling to 0 at the slack beyond them: MAX_TIME_GAP_MS less the shorter
 * window; at most 0.6 when a window is longer than MAX_AUTO_WINDOW_MS) and a type factor.
 * Symmetric.
 */
export function scorePair(a: GroupingPoint, b: GroupingPoint): GroupingExplanation {
  const distanceM = haversineMetres(a.lon, a.lat, b.lon, b.lat);
  const toleranceM = Math.max(100, Math.hypot(a.radiusM, b.radiusM));
  const spatial =
    distanceM <= toleranceM ? 1 : Math.max(0, 1 - (distanceM - toleranceM) / toleranceM);
  const overlapMs = Math.min(a.to, b.to) - Math.max(a.from, b.from);
  // Beyond the windows, slack for clocks and estimates: MAX_TIME_GAP_MS for two instants, less
  // for wider windows (which carry their uncertainty already), none from a day on, so that two
  // day-precision reports of consecutive days stay apart.
  const slackMs = Math.max(0, MAX_TIME_GAP_MS - Math.min(a.to - a.from, b.to - b.from));
  const gapFactor = overlapMs >= 0 ? 1 : slackMs === 0 ? 0 : Math.max(0, 1 + overlapMs / slackMs);
  const coarse = Math.max(a.to - a.from, b.to - b.from) > MAX_AUTO_WINDOW_MS;
  const time = coarse ? Math.min(gapFactor, COARSE_TIME_FACTOR) : gapFactor;
  const typeMatch = matchTypes(a.type, b.type);
  const score = round3(spatial * time * TYPE_FACTORS[typeMatch]);
  return {
    score,
    decision:
      score >= GROUPING_THRESHOLDS.auto
        ? 'grouped'
        : score >= GROUPING_THRESHOLDS.suggest
          ? 'suggested'
          : 'apart',
    distanceM: Math.round(distanceM),
    toleranceM: Math.round(toleranceM),
    overlapMs,
    typeMatch,
  };
}

/** How two incident types match (symmetric). */
export function matchTypes(a: IncidentType, b: IncidentType): TypeMatch {
  if (a === b) return 'same';
  const ca = categoryOf(a);
  const cb = categoryOf(b);
  if (ca === cb) return 'category';
  return RELATED.some(([x, y]) => (x === ca && y === cb) || (x === cb && y === ca))
    ? 'related'
    : 'none';
}

/** The category an incident type belongs to. */
export function categoryOf(type: IncidentType): IncidentCategory {
  for (const [category, types] of Object.entries(INCIDENT_CATEGORIES)) {
    if ((types as readonly string[]).includes(type)) return category as IncidentCategory;
  }
  return 'other';
}

/** Great-circle distance in metres (mean Earth radius 6,371,008.8 m). */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
