/**
 * The in-memory point index of incidents (core/incidents/clusters.ts) that maps and timelines
 * count over, kept in step with the database: reloaded when the record has grown since (any
 * write, from this process or another, grows it). Maps ask often, incidents change in bursts.
 * A small index is reloaded before answering; a large one (a million points take seconds to
 * read) is reloaded in the background at most every RELOAD_INTERVAL_MS while maps get the one
 * before, so under steady intake map clusters lag the incidents by a few seconds.
 */
import type { Store } from '../store/database.js';
import type { PointColumns } from '../core/incidents/clusters.js';
import { incidentPoints } from '../store/incident-store.js';
import { inReadSnapshot } from '../store/transactions.js';
import { recordSize } from '../store/record-log.js';

/** Point indexes up to this many incidents are reloaded before a map is answered. */
const SYNC_RELOAD_POINTS = 100_000;
/** Larger ones at most this often, in the background. */
const RELOAD_INTERVAL_MS = 5000;

/** The point index of one process: `current()` answers it, reloaded as needed. */
export function createPointIndex(db: Store['db']): { current(): Promise<PointColumns> } {
  let index: { size: number; points: PointColumns } | undefined;
  let reloading: Promise<void> | undefined;
  let lastReload = 0;
  /** One reload at a time, from one snapshot (a merge landing meanwhile counts once). */
  const reload = (size: number): Promise<void> =>
    (reloading ??= (async () => {
      lastReload = performance.now();
      const points = await inReadSnapshot(db, (snapshot) => incidentPoints(snapshot));
      index = { size, points };
    })().finally(() => (reloading = undefined)));

  return {
    async current() {
      const size = await recordSize(db);
      if (index === undefined || index.points.size < SYNC_RELOAD_POINTS) {
        if (index?.size !== size) await reload(size);
      } else if (index.size !== size && performance.now() - lastReload >= RELOAD_INTERVAL_MS) {
        // A failed reload (the database going away at shutdown) is retried by a later request.
        void reload(size).catch(() => undefined);
      }
      return (index as { points: PointColumns }).points;
    },
  };
}
