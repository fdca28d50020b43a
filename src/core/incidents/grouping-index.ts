/**
 * The grouping index: every placed, current, located report, kept in memory so that a new report
 * finds the reports it may be about the same event as without a database query. A tree of boxes
 * over time and latitude: each report is a box from its window's start to its end plus
 * MAX_TIME_GAP_MS, and from its latitude minus to plus its reach, so two boxes meet whenever the
 * pair could score above zero (scorePair: the windows less than MAX_TIME_GAP_MS apart, the places
 * within twice the tolerance). Longitude is checked on the candidates. Time and latitude together
 * keep searches short both for many reports of one town over years and for many places at once.
 *
 * Millions of reports must fit in little memory: the reports are kept in columns (typed arrays,
 * about 100 bytes a report with its id), most of them in a packed static tree (flatbush) and the
 * ones added since it was built in a small dynamic tree (rbush); the static tree is rebuilt from
 * all columns when the dynamic one has grown to a quarter of it.
 */
import Flatbush from 'flatbush';
import RBush from 'rbush';
import { INCIDENT_TYPES, type IncidentType } from '../agreements/vocabulary.js';
import { MAX_TIME_GAP_MS, type GroupingPoint } from './grouping.js';

/** A box of the dynamic tree: the report at column `i`. */
interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  i: number;
}

/** A degree of latitude on scorePair's sphere is 111,195.08 m; a shade less keeps boxes wide. */
const METRES_PER_DEGREE = 111_195;
const EARTH_RADIUS_M = 6_371_008.8;
const HOUR_MS = 3_600_000;
/**
 * Latitude in the trees is in thousandths of a degree (about 111 m), so that a report's box is of
 * similar size on both axes (hours and hundreds of metres): the trees split better.
 */
const LAT_SCALE = 1000;
/** The dynamic tree is folded into the static one when it holds this many, or a quarter. */
const MIN_DYNAMIC = 20_000;

/**
 * How far from a report, in metres, another report of radius 0 could still score above zero:
 * scorePair's tolerance is max(100, hypot(r1, r2)) <= 100 + r1 + r2 and the spatial factor is 0
 * beyond twice it, so reach(r1) + reach(r2) always covers the pair.
 */
function reachM(radiusM: number): number {
  return 100 + 2 * radiusM;
}

const TYPE_CODES = new Map<string, number>(INCIDENT_TYPES.map((type, i) => [type, i]));

export class GroupingIndex {
  private ids: string[] = [];
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private radius = new Float64Array(1024);
  private from = new Float64Array(1024);
  private to = new Float64Array(1024);
  private type = new Uint8Array(1024);
  private count = 0;
  private packed: Flatbush | undefined;
  private packedCount = 0;
  private dynamic = new RBush<Box>();
  private readonly removed = new Set<string>();

  /** Builds an index of these reports at once (faster than adding them one by one). */
  static of(points: Iterable<GroupingPoint>): GroupingIndex {
    const index = new GroupingIndex();
    index.load(points);
    index.seal();
    return index;
  }

  /**
   * Stores reports without indexing them yet (for building from pages of rows): they are found
   * only after seal().
   */
  load(points: Iterable<GroupingPoint>): void {
    for (const point of points) this.store(point);
  }

  /** Indexes everything loaded. */
  seal(): void {
    this.pack();
  }

  get size(): number {
    return this.count - this.removed.size;
  }

  add(point: GroupingPoint): void {
    const i = this.store(point);
    const [minX, minY, maxX, maxY] = this.boxOf(i);
    this.dynamic.insert({ minX, minY, maxX, maxY, i });
    if (this.count - this.packedCount >= Math.max(MIN_DYNAMIC, this.packedCount / 4)) this.pack();
  }

  /** Takes a report out (it was corrected): it no longer groups with new reports. */
  remove(id: string): void {
    this.removed.add(id);
  }

  /**
   * Every indexed report that could score above zero with `point` (a superset: scorePair
   * decides), itself excluded.
   */
  candidates(point: GroupingPoint): GroupingPoint[] {
    const dLat = reachM(point.radiusM) / METRES_PER_DEGREE;
    const minX = point.from / HOUR_MS;
    const maxX = (point.to + MAX_TIME_GAP_MS) / HOUR_MS;
    const minY = (point.lat - dLat) * LAT_SCALE;
    const maxY = (point.lat + dLat) * LAT_SCALE;
    const hits = this.packed === undefined ? [] : this.packed.search(minX, minY, maxX, maxY);
    for (const box of this.dynamic.search({ minX, minY, maxX, maxY })) hits.push(box.i);
    const reach = reachM(point.radiusM);
    const found: GroupingPoint[] = [];
    for (const i of hits) {
      const id = this.ids[i] as string;
      if (id === point.id || this.removed.has(id)) continue;
      // Latitude overlap is the tree's; longitude is checked here with a lower bound of the
      // great-circle distance (the haversine without its latitude term), so no pair is missed,
      // across the antimeridian too.
      const lon = this.lon[i] as number;
      const lat = this.lat[i] as number;
      const radiusM = this.radius[i] as number;
      if (lonBoundM(point.lon, point.lat, lon, lat) > reach + reachM(radiusM)) continue;
      found.push({
        id,
        lon,
        lat,
        radiusM,
        from: this.from[i] as number,
        to: this.to[i] as number,
        type: INCIDENT_TYPES[this.type[i] as number] as IncidentType,
      });
    }
    return found;
  }

  /** Appends a report to the columns (growing them by half when full); returns its column. */
  private store(point: GroupingPoint): number {
    if (this.count === this.lon.length) {
      const length = Math.ceil(this.lon.length * 1.5);
      const grow = <T extends Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
        const bigger = make(length);
        bigger.set(array);
        return bigger;
      };
      this.lon = grow(this.lon, (n) => new Float64Array(n));
      this.lat = grow(this.lat, (n) => new Float64Array(n));
      this.radius = grow(this.radius, (n) => new Float64Array(n));
      this.from = grow(this.from, (n) => new Float64Array(n));
      this.to = grow(this.to, (n) => new Float64Array(n));
      this.type = grow(this.type, (n) => new Uint8Array(n));
    }
    const i = this.count;
    this.ids.push(point.id);
    this.lon[i] = point.lon;
    this.lat[i] = point.lat;
    this.radius[i] = point.radiusM;
    this.from[i] = point.from;
    this.to[i] = point.to;
    this.type[i] = TYPE_CODES.get(point.type) ?? 0;
    this.count += 1;
    return i;
  }

  private boxOf(i: number): [number, number, number, number] {
    const lat = this.lat[i] as number;
    const dLat = reachM(this.radius[i] as number) / METRES_PER_DEGREE;
    return [
      (this.from[i] as number) / HOUR_MS,
      (lat - dLat) * LAT_SCALE,
      ((this.to[i] as number) + MAX_TIME_GAP_MS) / HOUR_MS,
      (lat + dLat) * LAT_SCALE,
    ];
  }

  /** Rebuilds the static tree over every column and empties the dynamic one. */
  private pack(): void {
    if (this.count === 0) return;
    const packed = new Flatbush(this.count);
    for (let i = 0; i < this.count; i += 1) {
      const [minX, minY, maxX, maxY] = this.boxOf(i);
      packed.add(minX, minY, maxX, maxY);
    }
    packed.finish();
    this.packed = packed;
    this.packedCount = this.count;
    this.dynamic = new RBush<Box>();
  }
}

/** A lower bound of the great-circle distance between two points from their longitudes. */
function lonBoundM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const s =
    Math.sqrt(Math.cos(lat1 * rad) * Math.cos(lat2 * rad)) *
    Math.abs(Math.sin(((lon2 - lon1) * rad) / 2));
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, s));
}
