/**
 * How a located report or incident stands to a zone: inside, outside, or indeterminate when its
 * precision radius crosses the zone's boundary; with the distance to the boundary (to the line,
 * for lines). "Inside the security zone" is only said when the whole precision circle is.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Geometry, Position } from './geojson.js';

/** A place with its precision radius in metres. */
export interface PlaceWithPrecision {
  readonly lon: number;
  readonly lat: number;
  readonly radiusM: number;
}

/** Where a place is relative to a zone, and how far from its edge (or its line). */
export interface ZoneRelation {
  /** `near` for lines and points: only the distance is meaningful. */
  readonly relation: 'inside' | 'outside' | 'indeterminate' | 'near';
  readonly distanceM: number;
}

/** Relates a place to a zone geometry. */
export function relateToZone(place: PlaceWithPrecision, geometry: Geometry): ZoneRelation {
  const lines = boundaryLines(geometry);
  const distanceM = Math.round(
    lines.reduce(
      (min, line) => Math.min(min, lineDistanceM(place, line)),
      pointDistances(place, geometry),
    ),
  );
  if (!hasArea(geometry)) return { relation: 'near', distanceM };
  const inside = containsPoint(geometry, [place.lon, place.lat]);
  if (distanceM <= place.radiusM) return { relation: 'indeterminate', distanceM };
  return { relation: inside ? 'inside' : 'outside', distanceM };
}

function hasArea(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(hasArea);
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function containsPoint(geometry: Geometry, point: Position): boolean {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return booleanPointInPolygon(point, geometry);
    case 'GeometryCollection':
      return geometry.geometries.some((g) => containsPoint(g, point));
    default:
      return false;
  }
}

/** The lines whose distance matters: a line itself, or the rings of a polygon. */
function boundaryLines(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(boundaryLines);
    default:
      return [];
  }
}

function pointDistances(place: PlaceWithPrecision, geometry: Geometry): number {
  const points =
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPoint'
        ? geometry.coordinates
        : [];
  return points.reduce((min, p) => Math.min(min, lineDistanceM(place, [p, p])), Infinity);
}

function lineDistanceM(place: PlaceWithPrecision, line: Position[]): number {
  const coordinates = line.length === 1 ? [line[0] as Position, line[0] as Position] : line;
  return (
    pointToLineDistance(
      [place.lon, place.lat],
      { type: 'LineString', coordinates },
      { units: 'kilometers' },
    ) * 1000
  );
}
