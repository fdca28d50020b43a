/**
 * Checks an untrusted value as a GeoJSON geometry (RFC 7946) for an agreement zone, including
 * what generic validators let through: coordinate ranges, swapped longitude and latitude,
 * self-intersecting rings and empty geometries. Wrong winding is repaired, not refused.
 */
import { booleanClockwise } from '@turf/boolean-clockwise';
import { kinks } from '@turf/kinks';
import { GEOMETRY_TYPES, type Geometry, type GeometryType, type Position } from './geojson.js';

/** A JSON path inside the checked value, e.g. `['coordinates', 0, 3]`. */
export type GeometryPath = (string | number)[];

/** One thing wrong with a geometry: where (path), how bad, and what, in plain words. */
export interface GeometryProblem {
  path: GeometryPath;
  severity: 'error' | 'warning';
  message: string;
}

/** The outcome of {@link validateGeometry}. */
export interface GeometryCheck {
  /** The valid, possibly repaired geometry; null when any problem is an error. */
  geometry: Geometry | null;
  problems: GeometryProblem[];
}

/**
 * Checks `value` as a geometry and returns every problem found with its path. Warnings (wrong
 * ring winding, nested collections) leave a usable geometry; the returned geometry has its
 * rings rewound as RFC 7946 requires (exterior counterclockwise, holes clockwise) and keeps
 * only `type` and `coordinates` (or `geometries`): `bbox` and foreign members are checked and
 * dropped. Never mutates `value`. Not checked: rings of one polygon crossing each other (holes
 * may touch the exterior), holes outside their exterior, overlapping members of a MultiPolygon.
 */
export function validateGeometry(value: unknown): GeometryCheck {
  const problems: GeometryProblem[] = [];
  const geometry = readGeometry(value, { path: [], place: '', problems });
  const failed = problems.some((problem) => problem.severity === 'error');
  return { geometry: failed ? null : geometry, problems };
}

/** Where the geometry being read sits: its path, and in words when inside a collection. */
interface Context {
  path: GeometryPath;
  place: string;
  problems: GeometryProblem[];
}

/** Reads one element at `path` (relative to the geometry), labelled for messages. */
type Reader<T> = (value: unknown, path: GeometryPath, label: string) => T | null;

const TYPE_LIST =
  'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection';
/** Members that make an object a Feature or FeatureCollection (RFC 7946 section 7.1). */
const FOREIGN_SEMANTICS = ['properties', 'geometry', 'features'];

function readGeometry(value: unknown, ctx: Context): Geometry | null {
  const error = (path: GeometryPath, message: string) => report(ctx, path, 'error', message);
  if (!isObject(value)) {
    error([], `expected a geometry object (${TYPE_LIST}), got ${describe(value)}`);
    return null;
  }
  const object = value;
  const type = readType(object.type, ctx);
  for (const member of FOREIGN_SEMANTICS) {
    if (member in object) {
      error([member], `a geometry cannot have a "${member}" member (RFC 7946 section 7.1)`);
    }
  }
  if ('bbox' in object) checkBbox(object.bbox, ctx);
  if (type === null) return null;
  if (type === 'GeometryCollection') return readCollection(object.geometries, ctx);
  if (!('coordinates' in object)) {
    error(['coordinates'], `the ${type} has no "coordinates" member`);
    return null;
  }
  const position = positionReader(ctx);
  const line = lineReader(ctx, listReader(ctx, 'position', position, 2));
  const polygon = polygonReader(ctx, position);
  const readers: Record<typeof type, [Reader<unknown>, string]> = {
    Point: [position, 'the point'],
    MultiPoint: [listReader(ctx, 'point', position, 1), 'the MultiPoint'],
    LineString: [line, 'the line'],
    MultiLineString: [listReader(ctx, 'line', line, 1), 'the MultiLineString'],
    Polygon: [polygon, 'the polygon'],
    MultiPolygon: [listReader(ctx, 'polygon', polygon, 1), 'the MultiPolygon'],
  };
  const [read, label] = readers[type];
  const coordinates = read(object.coordinates, ['coordinates'], label);
  // The readers check the nesting depth that `type` demands, so the cast holds.
  return coordinates === null ? null : ({ type, coordinates } as Geometry);
}

function readType(type: unknown, ctx: Context): GeometryType | null {
  const error = (message: string) => (report(ctx, ['type'], 'error', message), null);
  if (type === undefined) return error(`the "type" member is missing: expected ${TYPE_LIST}`);
  if (typeof type !== 'string') return error(`"type" should be a string, got ${describe(type)}`);
  if ((GEOMETRY_TYPES as readonly string[]).includes(type)) return type as GeometryType;
  if (type.toLowerCase() === 'feature' || type.toLowerCase() === 'featurecollection') {
    return error(`expected a geometry (Point, LineString, Polygon, ...), got ${type}`);
  }
  const meant = GEOMETRY_TYPES.find((known) => known.toLowerCase() === type.toLowerCase());
  if (meant) return error(`unknown type "${type}": type names are case-sensitive, use "${meant}"`);
  return error(`unknown geometry type "${type}": expected ${TYPE_LIST}`);
}

function checkBbox(bbox: unknown, ctx: Context): void {
  if (!Array.isArray(bbox)) {
    report(ctx, ['bbox'], 'error', `bbox should be an array of numbers, got ${describe(bbox)}`);
  } else if (bbox.length !== 4 && bbox.length !== 6) {
    const message = `bbox has ${bbox.length} numbers; it needs 4 (2D) or 6 (3D)`;
    report(ctx, ['bbox'], 'error', message);
  } else {
    bbox.forEach((item: unknown, i) => {
      if (!isFiniteNumber(item)) {
        report(ctx, ['bbox', i], 'error', `bbox element ${i} is ${describe(item)}, not a number`);
      }
    });
  }
}

function readCollection(members: unknown, ctx: Context): Geometry | null {
  if (!Array.isArray(members) || members.length === 0) {
    const message = Array.isArray(members)
      ? 'the GeometryCollection has no members: an empty geometry cannot mark a zone'
      : `the GeometryCollection needs a "geometries" array, got ${describe(members)}`;
    report(ctx, ['geometries'], 'error', message);
    return null;
  }
  const geometries = members.map((member: unknown, i) => {
    const path = [...ctx.path, 'geometries', i];
    const place = `member ${i} of ${ctx.place || 'the GeometryCollection'}`;
    const child: Context = { path, place, problems: ctx.problems };
    if (isObject(member) && member.type === 'GeometryCollection') {
      const message = 'nested GeometryCollection: RFC 7946 says to avoid them; flatten it';
      report(child, [], 'warning', message);
    }
    return readGeometry(member, child);
  });
  if (geometries.some((geometry) => geometry === null)) return null;
  return { type: 'GeometryCollection', geometries: geometries as Geometry[] };
}

function positionReader(ctx: Context): Reader<Position> {
  return (value, path, label) => {
    const error = (at: GeometryPath, message: string) => (report(ctx, at, 'error', message), null);
    const should = `${label} should be an array of 2 or 3 numbers`;
    if (!Array.isArray(value)) {
      const hint = typeof value === 'number' ? ': the coordinates need more nesting' : '';
      return error(path, `${should}, got ${describe(value)}${hint}`);
    }
    if (value.some(Array.isArray)) {
      return error(path, `${should}, got arrays: the coordinates are nested too deeply`);
    }
    if (value.length < 2 || value.length > 3) {
      const what = 'longitude, latitude and at most an altitude';
      return error(path, `${should} (${what}), got ${plural(value.length, 'number')}`);
    }
    const bad = value.findIndex((item) => !isFiniteNumber(item));
    if (bad >= 0) {
      const what = typeof value[bad] === 'number' ? 'not a finite number' : 'not a number';
      const message = `coordinate ${bad} of ${label} is ${describe(value[bad])}, ${what}`;
      return error([...path, bad], message);
    }
    const [lon, lat] = value as [number, number];
    const lonOk = lon >= -180 && lon <= 180;
    const latOk = lat >= -90 && lat <= 90;
    if (!lonOk) error([...path, 0], `longitude ${lon} of ${label} is out of range [-180, 180]`);
    if (!latOk) {
      // Only suggest a swap when swapping would give a valid position.
      const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
      const why = swapped
        ? 'out of range; longitude and latitude may be swapped (GeoJSON puts longitude first)'
        : 'out of range [-90, 90]';
      error([...path, 1], `latitude ${lat} of ${label} is ${why}`);
    }
    return lonOk && latOk ? [...(value as number[])] : null;
  };
}

/** Reads an array of items; `min` items at least (1 refuses empty multi-geometries). */
function listReader<T>(ctx: Context, item: string, read: Reader<T>, min: number): Reader<T[]> {
  return (value, path, label) => {
    if (!Array.isArray(value)) {
      const hint = typeof value === 'number' ? ': the coordinates need more nesting' : '';
      const message = `${label} should be an array of ${item}s, got ${describe(value)}${hint}`;
      return (report(ctx, path, 'error', message), null);
    }
    const items = value.map((element: unknown, i) =>
      read(element, [...path, i], `${item} ${i} of ${label}`),
    );
    if (items.length < min) {
      const message = `${label} has ${plural(items.length, item)}; it needs at least ${min}`;
      report(ctx, path, 'error', message);
      return null;
    }
    return items.some((x) => x === null) ? null : (items as T[]);
  };
}

function polygonReader(ctx: Context, position: Reader<Position>): Reader<Position[][]> {
  const ring = ringReader(ctx, position);
  const rings = listReader(ctx, 'ring', ring, 1);
  return (value, path, label) => {
    const read = rings(value, path, label);
    return read && checkRings(read, path, label, ctx);
  };
}

function ringReader(ctx: Context, position: Reader<Position>): Reader<Position[]> {
  const positions = listReader(ctx, 'position', position, 0);
  return (value, path, label) => {
    const ring = positions(value, path, label);
    if (!ring) return null;
    const first = ring[0];
    const last = ring[ring.length - 1];
    const error = (message: string) => (report(ctx, path, 'error', message), null);
    if (ring.length < 4) {
      const need = 'a ring needs at least 4, the first repeated at the end';
      return error(`${label} has ${plural(ring.length, 'position')}; ${need}`);
    }
    if (!first || !last || !samePosition(first, last)) {
      const differ = `its first position ${show(first)} differs from its last ${show(last)}`;
      return error(`${label} is not closed: ${differ}`);
    }
    return ring;
  };
}

/** Refuses degenerate and self-intersecting rings, then rewinds rings RFC 7946's way. */
function checkRings(rings: Position[][], path: GeometryPath, label: string, ctx: Context) {
  const name = (i: number) => `ring ${i} of ${label}`;
  let ok = true;
  rings.forEach((ring, i) => {
    const corners = ring.filter((p, j) => j === 0 || !samePosition(p, ring[j - 1] ?? p, 2));
    const error = (message: string) => ((ok = false), report(ctx, [...path, i], 'error', message));
    if (corners.length < 4) {
      error(`${name(i)} encloses no area: it has only ${corners.length - 1} distinct positions`);
      return;
    }
    const jump = antimeridianJump(corners);
    if (jump) {
      error(`${name(i)} ${jump}`);
      return;
    }
    const crossing = kinks({ type: 'LineString', coordinates: corners }).features[0];
    if (crossing) error(`${name(i)} crosses itself at ${show(crossing.geometry.coordinates, 6)}`);
    else if (ringArea(corners) === 0)
      error(`${name(i)} encloses no area: its positions lie on one line`);
  });
  if (!ok) return null;
  return rings.map((ring, i) => {
    const copy = ring.map((p) => [...p]);
    const exterior = i === 0;
    if (booleanClockwise(ring) !== exterior) return copy;
    const message = exterior
      ? `${name(i)} was clockwise; reversed to counterclockwise as RFC 7946 requires`
      : `${name(i)} (a hole) was counterclockwise; reversed to clockwise as RFC 7946 requires`;
    report(ctx, [...path, i], 'warning', message);
    return copy.reverse();
  });
}

/** Lines need two distinct positions and must not jump across the antimeridian. */
function lineReader(ctx: Context, positions: Reader<Position[]>): Reader<Position[]> {
  return (value, path, label) => {
    const line = positions(value, path, label);
    if (!line) return null;
    const error = (message: string) => (report(ctx, path, 'error', message), null);
    if (line.every((p) => samePosition(p, line[0] ?? p, 2))) {
      return error(`${label} has no length: all its positions are the same`);
    }
    const jump = antimeridianJump(line);
    return jump ? error(`${label} ${jump}`) : line;
  };
}

/**
 * Says how a run of positions crosses the antimeridian (consecutive longitudes more than 180
 * degrees apart), which RFC 7946 section 3.1.9 asks to split instead; undefined when it does not.
 */
function antimeridianJump(positions: readonly Position[]): string | undefined {
  for (let i = 1; i < positions.length; i++) {
    const a = positions[i - 1]?.[0] ?? 0;
    const b = positions[i]?.[0] ?? 0;
    if (Math.abs(b - a) > 180) {
      return `crosses the antimeridian (longitude ${a} to ${b}); split it there (RFC 7946 section 3.1.9)`;
    }
  }
  return undefined;
}

/** Twice the signed planar area of a closed ring (shoelace); 0 when its positions are collinear. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i - 1] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) < 1e-18 ? 0 : sum;
}

function report(ctx: Context, path: GeometryPath, severity: 'error' | 'warning', message: string) {
  const where = ctx.place ? ` (in ${ctx.place})` : '';
  ctx.problems.push({ path: [...ctx.path, ...path], severity, message: message + where });
}

function samePosition(a: Position, b: Position, dimensions = Math.max(a.length, b.length)) {
  for (let i = 0; i < dimensions; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function show(position: Position | undefined, decimals?: number): string {
  if (!position) return 'nothing';
  const round = (n: number) => (decimals === undefined ? n : Number(n.toFixed(decimals)));
  return `[${position.map(round).join(', ')}]`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
