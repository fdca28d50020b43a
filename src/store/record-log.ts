/**
 * Storage of the record as a Merkle tree log: entries by index, tree hashes in C2SP tiles
 * (level L holds tree level 8L), checkpoints. Appends are serialised (SQLite has one writer;
 * PostgreSQL takes a transaction-scoped advisory lock) and happen in the caller's transaction,
 * so an entry and the projections it changes land together or not at all.
 */
import { sql, type Kysely } from 'kysely';
import { subtreeLevels, subtreeRoot, type NodeRef } from '../core/record/tree.js';
import { hashLeaf, HASH_SIZE } from '../core/record/hash.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../core/record/tiles.js';
import type { Tx } from './record.js';
import type { Database, RecordCheckpointRow } from './schema.js';

type Db = Kysely<Database> | Tx;

/** An entry to append: the event id and type (for lookup) and its canonical bytes. */
export interface NewEntry {
  readonly eventId: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ADVISORY_LOCK = 0x7472_7563; // "truc"

/** The number of entries in the record. */
export async function recordSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom('record_entries')
    .select((eb) => eb.fn.max('idx').as('last'))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/**
 * Appends entries at the end of the log and updates the tiles. Returns the index of the first.
 * Must run inside a transaction (pass the Tx).
 */
export async function appendEntries(
  tx: Tx,
  entries: readonly NewEntry[],
  isPostgres: boolean,
): Promise<number> {
  if (isPostgres) await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK})`.execute(tx);
  const start = await recordSize(tx);
  if (entries.length === 0) return start;
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insertInto('record_entries')
      .values(
        entries.slice(i, i + 500).map((entry, j) => ({
          idx: start + i + j,
          event_id: entry.eventId,
          type: entry.type,
          data: decoder.decode(entry.bytes),
        })),
      )
      .execute();
  }
  await appendToTiles(
    tx,
    start,
    entries.map((e) => hashLeaf(e.bytes)),
  );
  return start;
}

/**
 * Adds hashes at tile level 0 starting at leaf index `start`, and every hash of a tile that
 * becomes full to the level above.
 */
async function appendToTiles(tx: Tx, start: number, leafHashes: Uint8Array[]): Promise<void> {
  let level = 0;
  let first = start;
  let hashes = leafHashes;
  while (hashes.length > 0) {
    const completed: Uint8Array[] = [];
    let firstCompleted = 0;
    let at = first;
    let offset = 0;
    while (offset < hashes.length) {
      const tileIndex = Math.floor(at / TILE_WIDTH);
      const position = at % TILE_WIDTH;
      const take = Math.min(TILE_WIDTH - position, hashes.length - offset);
      const existing =
        position === 0 ? new Uint8Array(0) : await readTileBytes(tx, level, tileIndex);
      if (existing.length !== position * HASH_SIZE) {
        throw new Error(
          `record tile ${level}/${tileIndex} has ${existing.length / HASH_SIZE} hashes, expected ${position}`,
        );
      }
      const tile = new Uint8Array((position + take) * HASH_SIZE);
      tile.set(existing, 0);
      for (let i = 0; i < take; i += 1)
        tile.set(hashes[offset + i] as Uint8Array, (position + i) * HASH_SIZE);
      let inner: Uint8Array | null = null;
      if (position + take === TILE_WIDTH) {
        const levels = subtreeLevels(splitHashes(tile));
        inner = joinHashes(levels.slice(1, TILE_HEIGHT).flat());
        if (completed.length === 0) firstCompleted = tileIndex;
        completed.push(levels[TILE_HEIGHT]?.[0] as Uint8Array);
      }
      await tx
        .insertInto('record_tiles')
        .values({ level, idx: tileIndex, hashes: tile, inner })
        .onConflict((oc) => oc.columns(['level', 'idx']).doUpdateSet({ hashes: tile, inner }))
        .execute();
      at += take;
      offset += take;
    }
    // Each tile completed here is one hash, at its tile index, on the level above.
    first = firstCompleted;
    hashes = completed;
    level += 1;
  }
}

/** The raw bytes of a tile (32 bytes per hash), empty when it does not exist. */
export async function readTileBytes(db: Db, level: number, index: number): Promise<Uint8Array> {
  const row = await db
    .selectFrom('record_tiles')
    .select('hashes')
    .where('level', '=', level)
    .where('idx', '=', index)
    .executeTakeFirst();
  return row === undefined ? new Uint8Array(0) : new Uint8Array(row.hashes);
}

/** Every stored tile in order of level and index, in pages (for verification). */
export async function* readAllTiles(
  db: Db,
): AsyncGenerator<{ level: number; index: number; hashes: Uint8Array; inner: Uint8Array | null }> {
  let after: { level: number; idx: number } = { level: -1, idx: 0 };
  for (;;) {
    const rows = await db
      .selectFrom('record_tiles')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('level', '>', after.level),
          eb.and([eb('level', '=', after.level), eb('idx', '>', after.idx)]),
        ]),
      )
      .orderBy('level')
      .orderBy('idx')
      .limit(1000)
      .execute();
    for (const row of rows) {
      yield {
        level: row.level,
        index: Number(row.idx),
        hashes: new Uint8Array(row.hashes),
        inner: row.inner === null ? null : new Uint8Array(row.inner),
      };
    }
    const last = rows.at(-1);
    if (last === undefined) return;
    after = { level: last.level, idx: Number(last.idx) };
  }
}

/**
 * Reads the hashes of the given complete subtrees. Hashes at tree levels between tile levels
 * are recomputed from the tile below, so each node costs at most one tile read. `cache` holds
 * full tiles across calls (they never change).
 */
export async function readNodeHashes(
  db: Db,
  nodes: readonly NodeRef[],
  cache?: TileCache,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const node of nodes) {
    const memo = cache?.nodes.get(`${node.level}/${node.index}`);
    if (memo !== undefined) {
      out.push(memo);
      continue;
    }
    const tileLevel = Math.floor(node.level / TILE_HEIGHT);
    const height = node.level % TILE_HEIGHT;
    const firstHash = node.index * 2 ** height; // index at tree level 8 * tileLevel
    const tileIndex = Math.floor(firstHash / TILE_WIDTH);
    const tile = await readTileCached(db, tileLevel, tileIndex, cache);
    const from = firstHash % TILE_WIDTH;
    if (height > 0 && tile.inner !== null) {
      // Inner levels are stored level by level: 128 hashes of height 1, then 64, ...
      const offset = TILE_WIDTH - TILE_WIDTH / 2 ** (height - 1) + from / 2 ** height;
      out.push(tile.inner.subarray(offset * HASH_SIZE, (offset + 1) * HASH_SIZE));
      continue;
    }
    const hashes = splitHashes(
      tile.hashes.subarray(from * HASH_SIZE, (from + 2 ** height) * HASH_SIZE),
    );
    if (hashes.length !== 2 ** height) {
      throw new Error(
        `record tile ${tileLevel}/${tileIndex} lacks the hashes for node ${node.level}/${node.index}`,
      );
    }
    const hash = subtreeRoot(hashes);
    if (cache !== undefined && height > 0) {
      if (cache.nodes.size >= CACHE_NODES)
        cache.nodes.delete(cache.nodes.keys().next().value as string);
      cache.nodes.set(`${node.level}/${node.index}`, hash);
    }
    out.push(hash);
  }
  return out;
}

/** A tile's bottom row and, when full, its inner levels. */
interface StoredTile {
  readonly hashes: Uint8Array;
  readonly inner: Uint8Array | null;
}

/**
 * Full tiles by "level/index", and node hashes computed from partial tiles by "level/index":
 * both never change (a complete subtree's hash is final), so they are cached without expiry
 * checks, bounded in number.
 */
export interface TileCache {
  readonly tiles: Map<string, StoredTile>;
  readonly nodes: Map<string, Uint8Array>;
}
const CACHE_TILES = 8192; // at most about 130 MiB
const CACHE_NODES = 65_536;

/** An empty cache for readNodeHashes. */
export function createTileCache(): TileCache {
  return { tiles: new Map(), nodes: new Map() };
}

async function readTileCached(
  db: Db,
  level: number,
  index: number,
  cache?: TileCache,
): Promise<StoredTile> {
  const key = `${level}/${index}`;
  const cached = cache?.tiles.get(key);
  if (cached !== undefined) return cached;
  const row = await db
    .selectFrom('record_tiles')
    .select(['hashes', 'inner'])
    .where('level', '=', level)
    .where('idx', '=', index)
    .executeTakeFirst();
  const tile = {
    hashes: row === undefined ? new Uint8Array(0) : new Uint8Array(row.hashes),
    inner: row?.inner ? new Uint8Array(row.inner) : null,
  };
  if (cache !== undefined && tile.hashes.length === TILE_WIDTH * HASH_SIZE) {
    if (cache.tiles.size >= CACHE_TILES)
      cache.tiles.delete(cache.tiles.keys().next().value as string);
    cache.tiles.set(key, tile);
  }
  return tile;
}

/** Entries with index in [from, to), in order, as stored. */
export async function readEntries(db: Db, from: number, to: number) {
  const rows = await db
    .selectFrom('record_entries')
    .selectAll()
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();
  return rows.map((row) => ({
    index: Number(row.idx),
    eventId: row.event_id,
    type: row.type,
    bytes: encoder.encode(row.data),
  }));
}

/** The index of the entry holding an event, or undefined. */
export async function findEntryIndex(db: Db, eventId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('record_entries')
    .select('idx')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.idx);
}

/** Stores a signed checkpoint (ignored when one of that size exists). */
export async function saveCheckpoint(db: Db, row: RecordCheckpointRow): Promise<void> {
  await db
    .insertInto('record_checkpoints')
    .values(row)
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}

/** The checkpoint of the largest size, or undefined. */
export async function latestCheckpoint(db: Db): Promise<RecordCheckpointRow | undefined> {
  const row = await db
    .selectFrom('record_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...row, size: Number(row.size) };
}

/** Every checkpoint, by size. */
export async function listCheckpoints(db: Db): Promise<RecordCheckpointRow[]> {
  const rows = await db.selectFrom('record_checkpoints').selectAll().orderBy('size').execute();
  return rows.map((row) => ({ ...row, size: Number(row.size) }));
}

function joinHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((hash, i) => out.set(hash, i * HASH_SIZE));
  return out;
}

function splitHashes(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at + HASH_SIZE <= bytes.length; at += HASH_SIZE)
    out.push(bytes.subarray(at, at + HASH_SIZE));
  return out;
}
