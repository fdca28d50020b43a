/**
 * The zones a trigger names, worked out once for the trigger engine: bounds, the far test's
 * cosine, validity in ms and the sentences; zones the document does not define are undecided.
 */
import type { StoredZone } from '../agreements/stored.js';
import { instantOf } from '../agreements/dates.js';
import { boundsOf, type Bounds } from '../geo/bounds.js';
import type { Geometry } from '../geo/geojson.js';
import type { UnmetCondition } from './model.js';
import { unmet } from './trigger-checks.js';
import { lastInstantOf } from './trigger-validity.js';

export interface PreparedZones {
  readonly zones: readonly PreparedZone[];
  /** Zone ids the document does not define: each undecided. */
  readonly unknown: readonly UnmetCondition[];
  readonly namesText: string;
  /** The reason when every zone is in force and the incident outside them all (the usual case). */
  readonly outsideAll: UnmetCondition;
}

export interface PreparedZone {
  readonly label: string;
  readonly outsideLabel: string;
  readonly inside: string;
  readonly geometry: Geometry;
  readonly hasArea: boolean;
  readonly bounds: Bounds;
  /** The cosine of the latitude a degree past the box's pole-most edge, for the far test. */
  readonly cosEdge: number;
  readonly fromMs: number;
  readonly toMs: number;
}

export function prepareZones(
  ids: readonly string[],
  documentZones: readonly StoredZone[],
  zoneCache: Map<StoredZone, PreparedZone>,
): PreparedZones {
  const zones: PreparedZone[] = [];
  const unknown: UnmetCondition[] = [];
  for (const id of ids) {
    const zone = documentZones.find((candidate) => candidate.id === id);
    if (zone === undefined) {
      const reason = `the trigger names zone "${id}", which its document does not define`;
      unknown.push(unmet('zone', 'undecided', reason));
      continue;
    }
    let prepared = zoneCache.get(zone);
    if (prepared === undefined) zoneCache.set(zone, (prepared = prepareZone(zone)));
    zones.push(prepared);
  }
  return {
    zones,
    unknown,
    namesText: ids.map((id) => `"${id}"`).join(', '),
    outsideAll: outsideEvery(zones.map((zone) => zone.outsideLabel)),
  };
}

function prepareZone(zone: StoredZone): PreparedZone {
  const bounds = boundsOf(zone.geometry);
  const poleMost = Math.min(90, Math.max(Math.abs(bounds[1]), Math.abs(bounds[3])) + 1);
  const label = `"${zone.id}" (${zone.name})`;
  const area = hasArea(zone.geometry);
  return {
    label,
    outsideLabel: area ? label : `${label} (a line, which contains nothing)`,
    inside: `the incident lies inside zone ${label}, its whole precision circle included`,
    geometry: zone.geometry,
    hasArea: area,
    bounds,
    cosEdge: Math.cos((poleMost * Math.PI) / 180),
    fromMs: zone.validFrom === undefined ? -Infinity : instantOf(zone.validFrom),
    // A date-only validTo names its whole last day, as a commitment's end does.
    toMs: zone.validTo === undefined ? Infinity : lastInstantOf(zone.validTo),
  };
}

function hasArea(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(hasArea);
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

export function outsideEvery(labels: readonly string[]): UnmetCondition {
  const reason = `the incident is outside every zone the trigger names that was in force: ${labels.join(', ')}`;
  return unmet('zone', 'failed', reason);
}
