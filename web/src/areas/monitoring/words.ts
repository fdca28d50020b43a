/**
 * Words for the monitoring vocabulary: incident types, statuses, observation modes, source
 * kinds, precisions, zone relations and grouping decisions, plus places, distances and times
 * written out for people. A value the catalogue does not know is shown as it is.
 */
import { INCIDENT_CATEGORIES } from '../../../../src/core/agreements/vocabulary.js';
import { isMessageId, language, t, type MessageId } from '../../strings';
import type { GroupingExplanation, IncidentPlace, ImportFormat } from './types';

/** The label of `<prefix>.<value>`, or the value itself when the catalogue has none. */
function word(prefix: string, value: string): string {
  const id = `${prefix}.${value}`;
  return isMessageId(id) ? t(id) : value;
}

/** Every incident type, in category order, for filters. */
export const INCIDENT_TYPE_WORDS: readonly string[] = Object.values(INCIDENT_CATEGORIES).flat();

/** An incident or report type in words ("missile strike"). */
export const incidentTypeLabel = (type: string) => word('event', type);
/** An incident status in words ("reported", "corroborated"). */
export const incidentStatusLabel = (status: string) => word('verification', status);
/** How the source knows, in words ("saw", "satellite imagery"). */
export const modeLabel = (mode: string) => word('mode', mode);
/** A kind of source in words ("open source"). */
export const sourceKindLabel = (kind: string) => word('sourceKind', kind);
/** How precise a report's time is, in words. */
export const timePrecisionLabel = (precision: string) => word('timePrecision', precision);
/** How precise a report's place is, in words. */
export const locationPrecisionLabel = (precision: string) => word('locationPrecision', precision);
/** A zone kind in words. */
export const zoneKindWord = (kind: string) => word('zoneKind', kind);

const FORMAT_NAMES: Readonly<Record<ImportFormat, MessageId>> = {
  ucdp: 'importFormat.ucdp',
  'ucdp-geojson': 'importFormat.ucdp-geojson',
  acled: 'importFormat.acled',
  viina: 'importFormat.viina',
  cir: 'importFormat.cir',
  bellingcat: 'importFormat.bellingcat',
  geojson: 'importFormat.geojson',
  csv: 'importFormat.csv',
};

/** The plain name of an import file format. */
export function formatName(format: ImportFormat): string {
  return t(FORMAT_NAMES[format]);
}

const kilometres = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
const degrees = new Intl.NumberFormat(language, {
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});
const score = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });

/** A distance in metres as kilometres to two decimals ("0.35 km", "12.4 km"). */
export function distanceText(metres: number): string {
  return t('distance.km', { value: kilometres.format(metres / 1000) });
}

/** A place as latitude and longitude with its radius: "49.9900, 36.2300 ±1 km". */
export function placeText(place: IncidentPlace): string {
  return t('place.latLon', {
    lat: degrees.format(place.lat),
    lon: degrees.format(place.lon),
    radius: distanceText(place.radiusM),
  });
}

/** A grouping score in [0, 1], to two decimals. */
export function scoreText(value: number): string {
  return score.format(value);
}

/** The overlap of two time windows, or the gap between them, in minutes. */
export function overlapText(explanation: GroupingExplanation): string {
  const minutes = Math.round(Math.abs(explanation.overlapMs) / 60_000);
  if (explanation.overlapMs > 0) return t('grouping.overlap', { minutes });
  if (explanation.overlapMs < 0) return t('grouping.gap', { minutes });
  return t('grouping.touch');
}
