/**
 * The closed word lists of reports (DOMAIN.md "Precision and confidence"): how exactly a report
 * places an event in space and time, how it was observed, and how its source is graded.
 */

/**
 * Location precision, from exact to region, with the radius (metres) each stands for. The
 * radius drives grouping distance, map symbols, public blurring and zone tests.
 */
export const LOCATION_PRECISIONS = {
  exact: 10,
  vicinity: 100,
  locality: 1_000,
  district: 10_000,
  region: 50_000,
} as const;
export type LocationPrecision = keyof typeof LOCATION_PRECISIONS;
export const LOCATION_PRECISION_NAMES = Object.keys(LOCATION_PRECISIONS) as LocationPrecision[];

/** Time precision: how wide the report's time window is, at most. */
export const TIME_PRECISIONS = ['exact', 'hour', 'day', 'week', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** How the source knows: the OSCE mission recorded this on every fact. */
export const OBSERVATION_MODES = [
  'saw',
  'heard',
  'camera',
  'uav',
  'satellite',
  'sensor',
  'reported',
] as const;

/** Kinds of source. A party's complaint is a report with a source of kind `party`. */
export const SOURCE_KINDS = [
  'monitor',
  'sensor',
  'party',
  'public',
  'open_source',
  'dataset',
] as const;

/** Admiralty code: reliability of the source (A completely reliable ... F cannot be judged). */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** Admiralty code: credibility of the information (1 confirmed ... 6 cannot be judged). */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;

/**
 * UCDP GED `where_prec` (1 exact location ... 7 country or international waters) onto location
 * precision.
 */
export function fromUcdpWherePrecision(value: number): LocationPrecision | undefined {
  const table: Record<number, LocationPrecision> = {
    1: 'exact',
    2: 'locality',
    3: 'district',
    4: 'region',
    5: 'region',
    6: 'region',
    7: 'region',
  };
  return table[value];
}

/** UCDP GED `date_prec` (1 exact day ... 5 more than a month) onto time precision. */
export function fromUcdpDatePrecision(value: number): TimePrecision | undefined {
  const table: Record<number, TimePrecision> = {
    1: 'day',
    2: 'week',
    3: 'month',
    4: 'month',
    5: 'month',
  };
  return table[value];
}

/** ACLED `geo_precision` (1 town, 2 near a town, 3 province) onto location precision. */
export function fromAcledGeoPrecision(value: number): LocationPrecision | undefined {
  const table: Record<number, LocationPrecision> = { 1: 'locality', 2: 'district', 3: 'region' };
  return table[value];
}

/** ACLED `time_precision` (1 day, 2 week, 3 month) onto time precision. */
export function fromAcledTimePrecision(value: number): TimePrecision | undefined {
  const table: Record<number, TimePrecision> = { 1: 'day', 2: 'week', 3: 'month' };
  return table[value];
}
