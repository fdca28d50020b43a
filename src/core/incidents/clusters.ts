/**
 * Clustering incidents for a map: one point per grid cell with the count and mean position, and
 * the incident's id when a cell holds only one. Pure: points in, cells out.
 */

/** A located incident as clustering sees it; times in ms since the epoch. */
export interface ClusterPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly from: number;
  readonly to: number;
  readonly type: string;
  readonly status: string;
}

/** Which points count: all filters optional. */
export interface ClusterFilter {
  readonly bbox?: readonly [number, number, number, number] | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly types?: readonly string[] | undefined;
  /** Any of these statuses; all when absent or empty. */
  readonly statuses?: readonly string[] | undefined;
}

/** One cell of a clustered map. */
export interface Cluster {
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
  readonly incidentId: string | null;
}

/** The grid cell size in degrees at a zoom level: a quarter of a 256-pixel tile. */
export function cellDegreesAt(zoom: number): number {
  return 360 / 2 ** zoom / 4;
}

/** An incident without a place: timelines count it, maps cannot. */
export type UnlocatedPoint = Omit<ClusterPoint, 'lon' | 'lat'>;

/** The start times a timeline counts, and how many of them belong to incidents without a place. */
export interface StartTimes {
  readonly times: Float64Array;
  readonly unlocated: number;
}

/**
 * Incidents in columns (typed arrays; types and statuses as codes): a million take about 60 MB,
 * and counting runs over flat arrays. Incidents without a place are held too, with NaN for
 * their position: clusters and areas leave them out, timelines count them.
 */
export class PointColumns {
  private readonly ids: string[] = [];
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private from = new Float64Array(1024);
  private to = new Float64Array(1024);
  private type = new Uint16Array(1024);
  private status = new Uint16Array(1024);
  private readonly codes = new Map<string, number>();
  private count = 0;

  static of(points: Iterable<ClusterPoint>): PointColumns {
    const columns = new PointColumns();
    for (const point of points) columns.add(point);
    return columns;
  }

  get size(): number {
    return this.count;
  }

  add(point: ClusterPoint): void {
    if (this.count === this.lon.length) this.grow();
    const i = this.count;
    this.ids.push(point.id);
    this.lon[i] = point.lon;
    this.lat[i] = point.lat;
    this.from[i] = point.from;
    this.to[i] = point.to;
    this.type[i] = this.code(point.type);
    this.status[i] = this.code(point.status);
    this.count += 1;
  }

  /** Adds an incident without a place. */
  addUnlocated(point: UnlocatedPoint): void {
    this.add({ ...point, lon: NaN, lat: NaN });
  }

  /** Counts the located points passing the filter per grid cell of `cellDegrees`. */
  cluster(filter: ClusterFilter, cellDegrees: number): Cluster[] {
    const [west, south, east, north] = filter.bbox ?? [-180, -90, 180, 90];
    const wraps = west > east;
    // Cells are numbered within the bbox; sums are kept in arrays when there are few enough
    // cells (a world map at zoom 6 has 33,000), else in a map.
    const columnFirst = Math.floor(((wraps ? -180 : west) + 180) / cellDegrees);
    const columnLast = Math.floor(((wraps ? 180 : east) + 180) / cellDegrees);
    const rowFirst = Math.floor((south + 90) / cellDegrees);
    const columns = columnLast - columnFirst + 1;
    const cellCount = columns * (Math.floor((north + 90) / cellDegrees) - rowFirst + 1);
    const sums = cellCount <= 1_000_000 ? new CellArrays(cellCount) : new CellMap();
    const { lon: lons, lat: lats } = this;
    this.forEachMatch(filter, (i) => {
      const lat = lats[i] as number;
      const lon = lons[i] as number;
      const key =
        (Math.floor((lat + 90) / cellDegrees) - rowFirst) * columns +
        Math.floor((lon + 180) / cellDegrees) -
        columnFirst;
      sums.add(key, lon, lat, i);
    });
    return sums.cells().map((c) => ({
      lon: c.lon / c.count,
      lat: c.lat / c.count,
      count: c.count,
      incidentId: c.count === 1 ? (this.ids[c.first] ?? null) : null,
    }));
  }

  /**
   * The start times (ms since the epoch) of the points passing the filter, in no order: those
   * without a place too, unless the filter names an area.
   */
  startTimes(filter: ClusterFilter): StartTimes {
    const times: number[] = [];
    let unlocated = 0;
    const { from: froms, lat: lats } = this;
    this.forEachMatch(
      filter,
      (i) => {
        times.push(froms[i] as number);
        if (Number.isNaN(lats[i])) unlocated += 1;
      },
      filter.bbox === undefined,
    );
    return { times: Float64Array.from(times), unlocated };
  }

  /** Calls `visit` with the index of every point passing the filter. */
  private forEachMatch(
    filter: ClusterFilter,
    visit: (index: number) => void,
    withUnlocated = false,
  ): void {
    const codesOf = (words: readonly string[] | undefined) =>
      words && words.length > 0 ? new Set(words.map((w) => this.codes.get(w) ?? -1)) : undefined;
    const types = codesOf(filter.types);
    const statuses = codesOf(filter.statuses);
    const [west, south, east, north] = filter.bbox ?? [-180, -90, 180, 90];
    const wraps = west > east;
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    const { lon: lons, lat: lats, from: froms, to: tos } = this;
    for (let i = 0; i < this.count; i += 1) {
      const lat = lats[i] as number;
      const lon = lons[i] as number;
      if (Number.isNaN(lat)) {
        if (!withUnlocated) continue;
      } else {
        if (lat < south || lat > north) continue;
        if (wraps ? lon < west && lon > east : lon < west || lon > east) continue;
      }
      if ((tos[i] as number) < from || (froms[i] as number) > to) continue;
      if (types !== undefined && !types.has(this.type[i] as number)) continue;
      if (statuses !== undefined && !statuses.has(this.status[i] as number)) continue;
      visit(i);
    }
  }

  private code(word: string): number {
    let code = this.codes.get(word);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(word, code);
    }
    return code;
  }

  private grow(): void {
    const length = Math.ceil(this.lon.length * 1.5);
    const bigger = <T extends Float64Array | Uint16Array>(array: T, make: (n: number) => T) => {
      const next = make(length);
      next.set(array);
      return next;
    };
    this.lon = bigger(this.lon, (n) => new Float64Array(n));
    this.lat = bigger(this.lat, (n) => new Float64Array(n));
    this.from = bigger(this.from, (n) => new Float64Array(n));
    this.to = bigger(this.to, (n) => new Float64Array(n));
    this.type = bigger(this.type, (n) => new Uint16Array(n));
    this.status = bigger(this.status, (n) => new Uint16Array(n));
  }
}

/** Counts the points passing the filter per grid cell of `cellDegrees`. */
export function clusterPoints(
  points: readonly ClusterPoint[] | PointColumns,
  filter: ClusterFilter,
  cellDegrees: number,
): Cluster[] {
  const columns = points instanceof PointColumns ? points : PointColumns.of(points);
  return columns.cluster(filter, cellDegrees);
}

/** Sums of one cell: positions, count, and the first point in it. */
interface CellSum {
  lon: number;
  lat: number;
  count: number;
  first: number;
}

/** Per-cell sums in flat arrays, for a bounded number of cells. */
class CellArrays {
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly count: Uint32Array;
  private readonly first: Int32Array;
  private readonly used: number[] = [];

  constructor(size: number) {
    this.lon = new Float64Array(size);
    this.lat = new Float64Array(size);
    this.count = new Uint32Array(size);
    this.first = new Int32Array(size);
  }

  add(key: number, lon: number, lat: number, point: number): void {
    if (this.count[key] === 0) {
      this.used.push(key);
      this.first[key] = point;
    }
    this.lon[key] = (this.lon[key] as number) + lon;
    this.lat[key] = (this.lat[key] as number) + lat;
    this.count[key] = (this.count[key] as number) + 1;
  }

  cells(): CellSum[] {
    return this.used.map((key) => ({
      lon: this.lon[key] as number,
      lat: this.lat[key] as number,
      count: this.count[key] as number,
      first: this.first[key] as number,
    }));
  }
}

/** Per-cell sums in a map, for fine grids over large areas. */
class CellMap {
  private readonly sums = new Map<number, CellSum>();

  add(key: number, lon: number, lat: number, point: number): void {
    const cell = this.sums.get(key);
    if (cell === undefined) this.sums.set(key, { lon, lat, count: 1, first: point });
    else {
      cell.lon += lon;
      cell.lat += lat;
      cell.count += 1;
    }
  }

  cells(): CellSum[] {
    return [...this.sums.values()];
  }
}
