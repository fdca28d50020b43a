/** Bounding boxes of geometries, for fitting a map view to a zone. */
import type { Geometry, Position } from './geojson.js';

/** West, south, east and north edges in degrees, as in a GeoJSON `bbox`. */
export type Bounds = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * The smallest longitude/latitude box that holds every position of `geometry` (altitudes are
 * ignored). Requires a geometry with at least one position, as validateGeometry guarantees;
 * throws on an empty one. A zone crossing the antimeridian gets the box spanning the globe
 * the other way round (minLon near -180, maxLon near 180).
 */
export function boundsOf(geometry: Geometry): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = NaN, lat = NaN] of positionsOf(geometry)) {
    bounds[0] = Math.min(bounds[0], lon);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lon);
    bounds[3] = Math.max(bounds[3], lat);
  }
  if (!bounds.every(Number.isFinite)) {
    throw new Error(`boundsOf needs a geometry with positions; this ${geometry.type} has none`);
  }
  return bounds;
}

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}
