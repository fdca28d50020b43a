/**
 * Checking the record against itself and the projections against the record, and rebuilding
 * the projections from the record alone.
 */
import { decodeEntry } from '../core/record/entry.js';
import { bytesEqual, hashLeaf, HASH_SIZE, toBase64, toHex } from '../core/record/hash.js';
import { parseCheckpoint } from '../core/record/checkpoint.js';
import { openNote, type NoteVerifier } from '../core/record/note.js';
import { TILE_WIDTH } from '../core/record/tiles.js';
import { RootAccumulator, subtreeLevels, subtreeRoot } from '../core/record/tree.js';
import type { RecordedEvent } from '../core/events.js';
import { migrateToLatest, openStore, type Store } from '../store/database.js';
import {
  PROJECTIONS,
  readProjection,
  rewriteProjection,
  type ProjectionRow,
} from '../store/projections.js';
import { applyEvents, inTransaction } from '../store/record.js';
import { listCheckpoints, readAllTiles, readEntries } from '../store/record-log.js';

/** What a verification found: the first problem, or none. */
export interface AuditReport {
  readonly size: number;
  readonly checkpoints: number;
  readonly rows: number;
  /** Empty when everything verified; otherwise the problems, the first one first. */
  readonly problems: readonly string[];
}

const PAGE = 5000;

/**
 * Verifies the whole record: entries are contiguous and well-formed, the stored tiles are what
 * the entries hash to, every checkpoint's signature and root hold, and every projection row is
 * what replaying the record produces. Stops at the first problem in each part.
 */
export async function auditRecord(store: Store, verifier: NoteVerifier): Promise<AuditReport> {
  const problems: string[] = [];
  const checkpoints = await listCheckpoints(store.db);
  const wantRoots = new Set(checkpoints.map((c) => c.size));
  const roots = new Map<number, Uint8Array>();
  const accumulator = new RootAccumulator();
  if (wantRoots.has(0)) roots.set(0, accumulator.root());
  const leafHashes: Uint8Array[] = [];

  const replica = await openStore('sqlite::memory:');
  try {
    await migrateToLatest(replica);
    // 1. Entries: contiguous, well-formed, replayed into a fresh database.
    let expected = 0;
    scan: for (;;) {
      const rows = await readEntries(store.db, expected, expected + PAGE);
      if (rows.length === 0) break;
      const events: RecordedEvent[] = [];
      for (const row of rows) {
        if (row.index !== expected) {
          problems.push(`entry ${expected} is missing (the next stored entry is ${row.index})`);
          break scan;
        }
        const event = decodeEntry(row.bytes);
        if ('error' in event) {
          problems.push(`entry ${row.index} is malformed: ${event.error}`);
          break scan;
        }
        if (event.id !== row.eventId || event.type !== row.type) {
          problems.push(`entry ${row.index}: its event id or type columns do not match its bytes`);
          break scan;
        }
        events.push(event);
        const leaf = hashLeaf(row.bytes);
        leafHashes.push(leaf);
        accumulator.push(leaf);
        expected += 1;
        if (wantRoots.has(expected)) roots.set(expected, accumulator.root());
      }
      await inTransaction(replica.db, (tx) => applyEvents(tx, events));
    }
    const size = expected;

    // 2. Tiles: exactly what the entries hash to.
    if (problems.length === 0) {
      const tileProblem = await checkTiles(store, leafHashes);
      if (tileProblem !== undefined) problems.push(tileProblem);
    }

    // 3. Checkpoints: signed by the key, with the root the entries give.
    for (const checkpoint of checkpoints) {
      const opened = openNote(checkpoint.note, [verifier]);
      if (!opened.ok) {
        problems.push(`checkpoint of size ${checkpoint.size}: ${opened.reason}`);
        break;
      }
      const parsed = parseCheckpoint(opened.text);
      const root = roots.get(checkpoint.size);
      if ('error' in parsed || parsed.size !== checkpoint.size || parsed.origin !== verifier.name) {
        problems.push(
          `checkpoint of size ${checkpoint.size}: its signed text does not match its size or origin`,
        );
        break;
      }
      if (root === undefined) {
        problems.push(
          `checkpoint of size ${checkpoint.size} is beyond the record's ${size} entries`,
        );
        break;
      }
      if (!bytesEqual(parsed.root, root)) {
        problems.push(
          `checkpoint of size ${checkpoint.size}: root ${toBase64(parsed.root)} is not the entries' root ${toBase64(root)}`,
        );
        break;
      }
    }

    // 4. Projections: every row as replay produces it.
    let rows = 0;
    for (const { table, key } of PROJECTIONS) {
      const actual = await readProjection(store.db, table);
      const replayed = await readProjection(replica.db, table);
      rows += actual.length;
      const difference = firstDifference(table, key, actual, replayed);
      if (difference !== undefined) {
        problems.push(difference);
        break;
      }
    }
    return { size, checkpoints: checkpoints.length, rows, problems };
  } finally {
    await replica.close();
  }
}

/**
 * Rewrites every projection to what replaying the record produces, in one transaction.
 * Returns how many events were replayed.
 */
export async function rebuildProjections(store: Store): Promise<{ events: number; rows: number }> {
  const replica = await openStore('sqlite::memory:');
  try {
    await migrateToLatest(replica);
    let events = 0;
    for (;;) {
      const rows = await readEntries(store.db, events, events + PAGE);
      if (rows.length === 0) break;
      const decoded = rows.map((row) => {
        const event = decodeEntry(row.bytes);
        if ('error' in event) throw new Error(`entry ${row.index} is malformed: ${event.error}`);
        return event;
      });
      await inTransaction(replica.db, (tx) => applyEvents(tx, decoded));
      events += rows.length;
    }
    let total = 0;
    await inTransaction(store.db, async (tx) => {
      for (const { table } of PROJECTIONS) {
        const expected = await readProjection(replica.db, table);
        total += expected.length;
        await rewriteProjection(tx, table, expected);
      }
    });
    return { events, rows: total };
  } finally {
    await replica.close();
  }
}

async function checkTiles(
  store: Store,
  leafHashes: readonly Uint8Array[],
): Promise<string | undefined> {
  // Expected hashes per tile level: level 0 are the leaves; each full tile gives one hash above.
  const levels: Uint8Array[][] = [[...leafHashes]];
  for (let below = levels[0] ?? []; below.length >= TILE_WIDTH;) {
    const above: Uint8Array[] = [];
    for (let t = 0; t + TILE_WIDTH <= below.length; t += TILE_WIDTH)
      above.push(subtreeRoot(below.slice(t, t + TILE_WIDTH)));
    levels.push(above);
    below = above;
  }
  const seen = new Set<string>();
  for await (const tile of readAllTiles(store.db)) {
    seen.add(`${tile.level}/${tile.index}`);
    const bottom =
      levels[tile.level]?.slice(tile.index * TILE_WIDTH, (tile.index + 1) * TILE_WIDTH) ?? [];
    if (bottom.length === TILE_WIDTH) {
      const inner = subtreeLevels(bottom).slice(1, 8).flat();
      const stored = tile.inner ?? new Uint8Array(0);
      const same =
        stored.length === inner.length * HASH_SIZE &&
        inner.every((h, i) => bytesEqual(h, stored.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
      if (!same)
        return `tile ${tile.level}/${tile.index}: its stored inner nodes do not match its hashes`;
    }
    const expected =
      levels[tile.level]?.slice(tile.index * TILE_WIDTH, (tile.index + 1) * TILE_WIDTH) ?? [];
    const count = tile.hashes.length / HASH_SIZE;
    if (count !== expected.length) {
      return `tile ${tile.level}/${tile.index} holds ${count} hashes; the entries give ${expected.length}`;
    }
    for (let i = 0; i < count; i += 1) {
      if (
        !bytesEqual(
          tile.hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE),
          expected[i] as Uint8Array,
        )
      ) {
        const position = tile.index * TILE_WIDTH + i;
        return tile.level === 0
          ? `entry ${position}: its hash ${toHex(expected[i] as Uint8Array).slice(0, 16)}… is not the one in tile 0/${tile.index} (the entry was changed)`
          : `tile ${tile.level}/${tile.index} position ${i} does not match the tiles below`;
      }
    }
  }
  for (let level = 0; level < levels.length; level += 1) {
    const count = levels[level]?.length ?? 0;
    for (let index = 0; index * TILE_WIDTH < count; index += 1) {
      if (!seen.has(`${level}/${index}`)) return `tile ${level}/${index} is missing`;
    }
  }
  return undefined;
}

function firstDifference(
  table: string,
  key: string,
  actual: ProjectionRow[],
  replayed: ProjectionRow[],
): string | undefined {
  const replayedByKey = new Map(replayed.map((row) => [String(row[key]), row]));
  const actualKeys = new Set(actual.map((row) => String(row[key])));
  for (const row of actual) {
    const expected = replayedByKey.get(String(row[key]));
    if (expected === undefined)
      return `table ${table}, row ${key}=${String(row[key])}: not produced by the record (added outside it)`;
    for (const column of Object.keys(expected)) {
      if (String(row[column]) !== String(expected[column])) {
        return `table ${table}, row ${key}=${String(row[key])}: ${column} is ${JSON.stringify(row[column])}, the record says ${JSON.stringify(expected[column])}`;
      }
    }
  }
  for (const row of replayed) {
    if (!actualKeys.has(String(row[key])))
      return `table ${table}, row ${key}=${String(row[key])}: missing (the record has it)`;
  }
  return undefined;
}
