/**
 * Map cells of a quarter degree, numbered row by row from the south-west corner of the world:
 * what incidents are indexed by for lists of a small map area.
 */

/** Cells per degree. */
const PER_DEGREE = 4;
const COLUMNS = 360 * PER_DEGREE;

/** The cell of a place (longitude -180..180, latitude -90..90). */
export function cellOf(lon: number, lat: number): number {
  const column = Math.min(COLUMNS - 1, Math.floor((lon + 180) * PER_DEGREE));
  const row = Math.min(180 * PER_DEGREE - 1, Math.floor((lat + 90) * PER_DEGREE));
  return row * COLUMNS + column;
}

/**
 * The cells a bbox ([west, south, east, north], west > east when it crosses the antimeridian)
 * touches, or undefined when there are more than `max` (a large area is better read otherwise).
 */
export function cellsOf(
  bbox: readonly [number, number, number, number],
  max = 64,
): number[] | undefined {
  const [west, south, east, north] = bbox;
  const spans: [number, number][] =
    west <= east
      ? [[west, east]]
      : [
          [west, 180],
          [-180, east],
        ];
  const rowFirst = Math.floor(cellOf(0, south) / COLUMNS);
  const rowLast = Math.floor(cellOf(0, north) / COLUMNS);
  const cells: number[] = [];
  for (const [from, to] of spans) {
    const columnFirst = cellOf(from, 0) % COLUMNS;
    const columnLast = cellOf(to, 0) % COLUMNS;
    if ((rowLast - rowFirst + 1) * (columnLast - columnFirst + 1) + cells.length > max) {
      return undefined;
    }
    for (let row = rowFirst; row <= rowLast; row += 1) {
      for (let column = columnFirst; column <= columnLast; column += 1) {
        cells.push(row * COLUMNS + column);
      }
    }
  }
  return cells;
}
