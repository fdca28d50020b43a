/**
 * The grouping index: every placed, current, located report, kept in memory so that a new report
 * finds the reports it may be about the same event as without a database query. An R-tree
 * (rbush) over time and latitude: each report is a box from its window's start to its end plus
 * MAX_TIME_GAP_MS, and from its latitude minus to plus its reach, so two boxes meet whenever the
 * pair could score above zero (scorePair: the windows less than MAX_TIME_GAP_MS apart, the places
 * within twice the tolerance). Longitude is checked on the candidates. Time and latitude together
 * keep searches short both for many reports of one town over years and for many places at once.
 */
import RBush from 'rbush';
import { MAX_TIME_GAP_MS, type GroupingPoint } from './grouping.js';

interface Entry extends GroupingPoint {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A degree of latitude on scorePair's sphere is 111,195.08 m; a shade less keeps boxes wide. */
const METRES_PER_DEGREE = 111_195;
const EARTH_RADIUS_M = 6_371_008.8;
const HOUR_MS = 3_600_000;
/**
 * Latitude in the tree is in thousandths of a degree (about 111 m), so that a report's box is of
 * similar size on both axes (hours and hundreds of metres): the tree splits better.
 */
const LAT_SCALE = 1000;

/**
 * How far from a report, in metres, another report of radius 0 could still score above zero:
 * scorePair's tolerance is max(100, hypot(r1, r2)) <= 100 + r1 + r2 and the spatial factor is 0
 * beyond twice it, so reach(r1) + reach(r2) always covers the pair.
 */
function reachM(radiusM: number): number {
  return 100 + 2 * radiusM;
}

function boxOf(point: GroupingPoint): Entry {
  const dLat = reachM(point.radiusM) / METRES_PER_DEGREE;
  // Every entry and every query box is built by this one literal: one object shape keeps the
  // tree's comparisons fast (a spread gave each box another shape and the search ran 8x slower).
  return {
    id: point.id,
    lon: point.lon,
    lat: point.lat,
    radiusM: point.radiusM,
    from: point.from,
    to: point.to,
    type: point.type,
    minX: point.from / HOUR_MS,
    maxX: (point.to + MAX_TIME_GAP_MS) / HOUR_MS,
    minY: (point.lat - dLat) * LAT_SCALE,
    maxY: (point.lat + dLat) * LAT_SCALE,
  };
}

export class GroupingIndex {
  private readonly tree = new RBush<Entry>();
  private readonly removed = new Set<string>();
  private count = 0;

  /** Builds an index of these reports at once (faster than adding them one by one). */
  static of(points: readonly GroupingPoint[]): GroupingIndex {
    const index = new GroupingIndex();
    index.tree.load(points.map(boxOf));
    index.count = points.length;
    return index;
  }

  get size(): number {
    return this.count - this.removed.size;
  }

  add(point: GroupingPoint): void {
    this.tree.insert(boxOf(point));
    this.count += 1;
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
    const box = boxOf(point);
    const reach = reachM(point.radiusM);
    const found: GroupingPoint[] = [];
    for (const entry of this.tree.search(box)) {
      if (entry.id === point.id || this.removed.has(entry.id)) continue;
      // Latitude overlap is the tree's; longitude is checked here with a lower bound of the
      // great-circle distance (the haversine without its latitude term), so no pair is missed,
      // across the antimeridian too.
      if (lonBoundM(point, entry) > reach + reachM(entry.radiusM)) continue;
      found.push(entry);
    }
    return found;
  }
}

/** A lower bound of the great-circle distance between two points from their longitudes. */
function lonBoundM(a: GroupingPoint, b: GroupingPoint): number {
  const rad = Math.PI / 180;
  const s =
    Math.sqrt(Math.cos(a.lat * rad) * Math.cos(b.lat * rad)) *
    Math.abs(Math.sin(((b.lon - a.lon) * rad) / 2));
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, s));
}
