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
  readonly status?: string | undefined;
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

/** Counts the points passing the filter per grid cell of `cellDegrees`. */
export function clusterPoints(
  points: readonly ClusterPoint[],
  filter: ClusterFilter,
  cellDegrees: number,
): Cluster[] {
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : undefined;
  const [west, south, east, north] = filter.bbox ?? [-180, -90, 180, 90];
  const wraps = west > east;
  const cells = new Map<number, { lon: number; lat: number; count: number; id: string }>();
  const columns = Math.ceil(360 / cellDegrees) + 1;
  for (const p of points) {
    if (p.lat < south || p.lat > north) continue;
    if (wraps ? p.lon < west && p.lon > east : p.lon < west || p.lon > east) continue;
    if (filter.from !== undefined && p.to < filter.from) continue;
    if (filter.to !== undefined && p.from > filter.to) continue;
    if (types && !types.has(p.type)) continue;
    if (filter.status !== undefined && p.status !== filter.status) continue;
    const key =
      Math.floor((p.lat + 90) / cellDegrees) * columns + Math.floor((p.lon + 180) / cellDegrees);
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { lon: p.lon, lat: p.lat, count: 1, id: p.id });
    else {
      cell.lon += p.lon;
      cell.lat += p.lat;
      cell.count += 1;
    }
  }
  return [...cells.values()].map((c) => ({
    lon: c.lon / c.count,
    lat: c.lat / c.count,
    count: c.count,
    incidentId: c.count === 1 ? c.id : null,
  }));
}
