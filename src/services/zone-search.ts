/**
 * Incidents for a zone filter, from the database. A zone's search looks in two boxes: every
 * incident in the zone's bounds widened by the vocabulary's widest precision (`near`), and the
 * rare incidents with a wider radius in the bounds widened by the widest radius held (`far`,
 * through a partial index), so one report with a vast radius widens the search for itself
 * only. The exact test (inside, or the precision crossing the edge) runs on what they find.
 */
import type { StoredZone } from '../core/agreements/stored.js';
import { relateToZone, type PlaceWithPrecision } from '../core/geo/relate.js';
import { intersectBbox, searchBoundsOf, type Box } from '../core/geo/search-box.js';
import {
  listIncidents,
  matchingPoints,
  widestIncidentRadius,
  WIDE_RADIUS_M,
  type IncidentListRow,
  type IncidentQuery,
  type MatchingPoint,
} from '../store/incident-store.js';
import { inReadSnapshot } from '../store/transactions.js';
import type { Store } from '../store/database.js';

type Db = Store['db'];

/** Where a zone's search looks, within a requested bbox; a box is absent when it finds nothing. */
export interface ZoneBoxes {
  readonly near?: Box | undefined;
  readonly far?: Box | undefined;
}

/** Whether a place is inside a zone or its precision crosses the zone's edge (undecidable). */
export function reachesZone(place: PlaceWithPrecision, zone: StoredZone): boolean {
  const { relation } = relateToZone(place, zone.geometry);
  return relation === 'inside' || relation === 'indeterminate';
}

/** The boxes a zone's search looks in, within the requested bbox. */
export async function zoneBoxes(
  db: Db,
  zone: StoredZone,
  bbox: IncidentQuery['bbox'],
): Promise<ZoneBoxes> {
  const near = intersectBbox(bbox, searchBoundsOf(zone.geometry, WIDE_RADIUS_M));
  const widest = await widestIncidentRadius(db);
  const far =
    widest > WIDE_RADIUS_M ? intersectBbox(bbox, searchBoundsOf(zone.geometry, widest)) : undefined;
  return { near, far };
}

/** Every located incident matching the filters that reaches the zone, as points. */
export async function zonePoints(
  db: Db,
  query: Omit<IncidentQuery, 'limit' | 'after'>,
  zone: StoredZone,
): Promise<MatchingPoint[]> {
  const { near, far } = await zoneBoxes(db, zone, query.bbox);
  const points = await inReadSnapshot(db, async (snapshot) => {
    const found =
      near === undefined ? [] : await matchingPoints(snapshot, { ...query, bbox: near });
    if (far === undefined) return found;
    const seen = new Set(found.map((point) => point.id));
    const wide = await matchingPoints(snapshot, { ...query, bbox: far, wideOnly: true });
    return [...found, ...wide.filter((point) => !seen.has(point.id))];
  });
  return points.filter((point) => reachesZone(point, zone));
}

/**
 * The next incidents newest first after `after` in a zone's boxes (not yet tested against the
 * zone): the near box's and the far box's wide ones, merged. A full page from either may hide
 * older rows, so the merge stops at the newest of the full pages' last rows; `more` says
 * whether any page was full.
 */
export async function zoneListPage(
  db: Db,
  query: IncidentQuery,
  boxes: ZoneBoxes,
  after: IncidentQuery['after'],
): Promise<{ rows: IncidentListRow[]; more: boolean }> {
  const { near, far } = boxes;
  // One snapshot for both: the cut below must see each row as both pages do.
  const pages = await inReadSnapshot(db, async (snapshot) => [
    near === undefined ? [] : await listIncidents(snapshot, { ...query, bbox: near, after }),
    far === undefined
      ? []
      : await listIncidents(snapshot, { ...query, bbox: far, wideOnly: true, after }),
  ]);
  const byId = new Map(pages.flat().map((row) => [row.id, row]));
  const merged = [...byId.values()].sort(newestFirst);
  const cuts = pages
    .filter((page) => page.length === query.limit)
    .map((page) => page.at(-1) as IncidentListRow);
  if (cuts.length === 0) return { rows: merged, more: false };
  const cut = byId.get((cuts.sort(newestFirst)[0] as IncidentListRow).id) as IncidentListRow;
  return { rows: merged.slice(0, merged.indexOf(cut) + 1), more: true };
}

/**
 * Newest first: by the start of the observed window, then by id, both descending, as lists are
 * ordered in SQL. Comparing as JavaScript strings agrees with the databases' ordering because
 * both columns are ASCII of fixed shape (ISO 8601 UTC times from toISOString, lowercase UUIDs),
 * which binary and locale collations order alike.
 */
function newestFirst(a: IncidentListRow, b: IncidentListRow): number {
  if (a.observed_from !== b.observed_from) return a.observed_from < b.observed_from ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
