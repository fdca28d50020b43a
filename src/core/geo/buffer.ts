/**
 * Buffer zones: the area within a distance of another zone, usually a line of contact
 * ("15 km either side of the line"). Buffers are computed from the zone they widen, never drawn
 * by hand, so the stored shape always matches the distance the agreement states.
 */
import { buffer } from '@turf/buffer';
import type { Geometry, Position } from './geojson.js';
import { validateGeometry } from './validate-geometry.js';

/**
 * The area within `distanceKm` kilometres of `geometry`, on either side, as a Polygon or a
 * MultiPolygon (when the parts do not touch). Coordinates are rounded to 5 decimals (about
 * 1 m), so stored zones stay small and the same input always gives the same output; rings are
 * wound as RFC 7946 requires and the result passes {@link validateGeometry} with no problems.
 * Requires a valid geometry (see validateGeometry) and `distanceKm > 0`; throws otherwise,
 * since a caller passing either is a bug. Circles are drawn with 16 segments per quarter.
 */
export function bufferGeometry(geometry: Geometry, distanceKm: number): Geometry {
  if (!(distanceKm > 0) || !Number.isFinite(distanceKm)) {
    throw new Error(`bufferGeometry needs a positive distance in km, got ${distanceKm}`);
  }
  let parts = turfBuffer(geometry, distanceKm);
  // A GeometryCollection is buffered member by member; buffering the union of the results by
  // zero merges the member buffers that overlap, as buffering a single geometry does.
  if (parts.length > 1) parts = turfBuffer({ type: 'MultiPolygon', coordinates: parts.flat() }, 0);
  const polygons = parts
    .flat()
    .map(roundPolygon)
    .filter((polygon): polygon is Position[][] => polygon !== null);
  const [first] = polygons;
  if (!first) throw new Error(`buffering by ${distanceKm} km left no area at 5-decimal precision`);
  const shape: Geometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: first }
      : { type: 'MultiPolygon', coordinates: polygons };
  const check = validateGeometry(shape);
  if (!check.geometry) {
    const problems = check.problems.map((problem) => problem.message).join('; ');
    throw new Error(`buffering by ${distanceKm} km gave an invalid geometry: ${problems}`);
  }
  return check.geometry;
}

/** Segments per quarter circle: 64 per circle, within 0.12% of the true distance. */
const STEPS = 16;
/** 5 decimals of a degree: about 1.1 m of latitude. */
const SCALE = 1e5;

type Polygonal =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

type TurfBuffered =
  | { type: 'Feature'; geometry: Polygonal }
  | { type: 'FeatureCollection'; features: { geometry: Polygonal }[] }
  | undefined;

/** @turf/buffer behind this project's types: the polygons of each buffered feature. */
function turfBuffer(geometry: Geometry, distanceKm: number): Position[][][][] {
  const options = { units: 'kilometers', steps: STEPS } as const;
  const result = buffer(geometry, distanceKm, options) as TurfBuffered;
  if (!result) throw new Error(`@turf/buffer returned nothing for a ${geometry.type}`);
  const features = result.type === 'Feature' ? [result] : result.features;
  return features.map(({ geometry: shape }) =>
    shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates,
  );
}

/** Rounds a polygon; drops holes that rounding collapses, and the polygon if its exterior is. */
function roundPolygon(rings: Position[][]): Position[][] | null {
  const rounded = rings.map(roundRing);
  if (!rounded[0]) return null;
  return rounded.filter((ring): ring is Position[] => ring !== null);
}

function roundRing(ring: Position[]): Position[] | null {
  const round = (n: number) => Math.round(n * SCALE) / SCALE || 0; // `|| 0`: no -0
  const points = ring.map((position) => position.map(round));
  const kept = points.filter(
    (p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1],
  );
  return kept.length >= 4 ? kept : null;
}
