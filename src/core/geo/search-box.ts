/**
 * Search boxes for zone filters: a zone's bounds widened by a precision radius, and their
 * overlap with a requested bbox (which may cross the antimeridian). A search box may hold more
 * than the zone's incidents: the exact test (core/geo/relate.ts) follows. Pure.
 */
import { boundsOf } from './bounds.js';
import type { Geometry } from './geojson.js';

/** [west, south, east, north] in degrees; west > east crosses the antimeridian. */
export type Box = [number, number, number, number];

/** Metres per degree of latitude, rounded down so that margins err on the wide side. */
const METRES_PER_DEGREE = 111_000;

/**
 * A zone's bounds widened by a precision radius (metres): an incident just outside the bounds
 * whose precision circle crosses the zone's edge must reach the exact test, which keeps it as
 * undecidable. Clamped to the globe (never crossing the antimeridian).
 */
export function searchBoundsOf(geometry: Geometry, marginM: number): Box {
  const [west, south, east, north] = boundsOf(geometry);
  const latMargin = marginM / METRES_PER_DEGREE;
  const poleMost = Math.min(89, Math.max(Math.abs(south), Math.abs(north)) + latMargin);
  const lonMargin = latMargin / Math.cos((poleMost * Math.PI) / 180);
  return [
    Math.max(-180, west - lonMargin),
    Math.max(-90, south - latMargin),
    Math.min(180, east + lonMargin),
    Math.min(90, north + latMargin),
  ];
}

/**
 * The overlap of a requested bbox and search bounds that do not cross the antimeridian, or
 * undefined when they do not meet. A requested bbox that crosses the antimeridian is two boxes;
 * when the bounds meet both, the answer crosses it too and holds both overlaps (and the
 * longitudes between them).
 */
export function intersectBbox(
  requested: readonly [number, number, number, number] | undefined,
  bounds: Box,
): Box | undefined {
  if (requested === undefined) return bounds;
  const [west, south, east, north] = requested;
  const [boundsWest, boundsSouth, boundsEast, boundsNorth] = bounds;
  const lat: [number, number] = [Math.max(south, boundsSouth), Math.min(north, boundsNorth)];
  if (lat[0] > lat[1]) return undefined;
  if (west <= east) {
    const lon: [number, number] = [Math.max(west, boundsWest), Math.min(east, boundsEast)];
    return lon[0] <= lon[1] ? [lon[0], lat[0], lon[1], lat[1]] : undefined;
  }
  // The requested bbox is [west, 180] and [-180, east].
  const eastern = boundsEast >= west;
  const western = boundsWest <= east;
  if (eastern && western) {
    return [Math.max(west, boundsWest), lat[0], Math.min(east, boundsEast), lat[1]];
  }
  if (eastern) return [Math.max(west, boundsWest), lat[0], boundsEast, lat[1]];
  if (western) return [boundsWest, lat[0], Math.min(east, boundsEast), lat[1]];
  return undefined;
}
