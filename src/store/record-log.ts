/**
 * Storage of the record as a Merkle tree log: entries by index, tree hashes in C2SP tiles
 * (level L holds tree level 8L), checkpoints. Appends are serialised (SQLite has one writer;
 * PostgreSQL takes a transaction-scoped advisory lock) and happen in the caller's transaction,
 * so an entry and the projections it changes land together or not at all.
 */
import { CompiledQuery, sql } from 'kysely';
import { subtreeLevelsFlat, subtreeRoot, type NodeRef } from '../core/record/tree.js';
import { hashLeaf, HASH_SIZE } from '../core/record/hash.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../core/record/tiles.js';
import { lockWrites, type Db, type Tx } from './transactions.js';
import type { RecordCheckpointRow, RecordTileRow } from './schema.js';

/** An entry to append: the event id and type (for lookup) and its canonical bytes. */
export interface NewEntry {
  readonly eventId: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The number of entries in the record. */
export async function recordSize(db: Db): Promise<number> {
  // A template, not the query builder: this runs for every append and proof.
  const { rows } = await sql<{
    last: number | bigint | null;
  }>`select max(idx) as last from record_entries`.execute(db);
  const last = rows[0]?.last;
  return last === null || last === undefined ? 0 : Number(last) + 1;
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
  if (isPostgres) await lockWrites(tx);
  const start = await recordSize(tx);
  if (entries.length === 0) return start;
  // Prebuilt SQL of up to 1,000 rows per statement: building and compiling Kysely's query tree
  // of every value cost about as much as SQLite's insert itself.
  for (let i = 0; i < entries.length; i += ENTRY_ROWS) {
    const rows = Math.min(ENTRY_ROWS, entries.length - i);
    const parameters: unknown[] = new Array<unknown>(rows * 4);
    for (let j = 0; j < rows; j += 1) {
      const entry = entries[i + j] as NewEntry;
      parameters[j * 4] = start + i + j;
      parameters[j * 4 + 1] = entry.eventId;
      parameters[j * 4 + 2] = entry.type;
      parameters[j * 4 + 3] = decoder.decode(entry.bytes);
    }
    await tx.executeQuery(CompiledQuery.raw(insertEntriesSql(rows, isPostgres), parameters));
  }
  const leafHashes = new Uint8Array(entries.length * HASH_SIZE);
  entries.forEach((entry, i) => leafHashes.set(hashLeaf(entry.bytes), i * HASH_SIZE));
  await appendToTiles(tx, start, leafHashes, isPostgres);
  return start;
}

/** Entries per insert statement (4 parameters each; PostgreSQL allows 65,535). */
const ENTRY_ROWS = 1000;
const insertEntriesCache = new Map<string, string>();

function insertEntriesSql(rows: number, isPostgres: boolean): string {
  const key = `${isPostgres}/${rows}`;
  let text = insertEntriesCache.get(key);
  if (text === undefined) {
    text = `insert into record_entries (idx, event_id, type, data) values ${placeholders(rows, 4, isPostgres)}`;
    // Full batches repeat; other sizes are cheap to rebuild.
    if (rows === ENTRY_ROWS) insertEntriesCache.set(key, text);
  }
  return text;
}

/** `(?, ?), (?, ?)` (SQLite) or `($1, $2), ($3, $4)` (PostgreSQL) for `rows` rows. */
function placeholders(rows: number, columns: number, isPostgres: boolean): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const values: string[] = [];
    for (let c = 1; c <= columns; c += 1) values.push(isPostgres ? `$${r * columns + c}` : '?');
    tuples.push(`(${values.join(', ')})`);
  }
  return tuples.join(', ');
}

/**
 * Adds hashes (32 bytes each, back to back) at tile level 0 starting at leaf index `start`, and
 * the root of every tile that becomes full to the level above. Each level takes one read of its
 * partial tile (when the first hash does not start a tile) and one write per 64 tiles touched.
 */
async function appendToTiles(
  tx: Tx,
  start: number,
  leafHashes: Uint8Array,
  isPostgres: boolean,
): Promise<void> {
  let level = 0;
  let first = start;
  let hashes = leafHashes;
  while (hashes.length > 0) {
    const count = hashes.length / HASH_SIZE;
    const tiles: { index: number; hashes: Uint8Array; inner: Uint8Array | null }[] = [];
    const roots: Uint8Array[] = [];
    let firstCompleted = 0;
    let at = first;
    let offset = 0;
    while (offset < count) {
      const tileIndex = Math.floor(at / TILE_WIDTH);
      const position = at % TILE_WIDTH;
      const take = Math.min(TILE_WIDTH - position, count - offset);
      const existing =
        position === 0 ? new Uint8Array(0) : await readTileBytes(tx, level, tileIndex);
      if (existing.length !== position * HASH_SIZE) {
        throw new Error(
          `record tile ${level}/${tileIndex} has ${existing.length / HASH_SIZE} hashes, expected ${position}`,
        );
      }
      const tile = new Uint8Array((position + take) * HASH_SIZE);
      tile.set(existing, 0);
      tile.set(hashes.subarray(offset * HASH_SIZE, (offset + take) * HASH_SIZE), existing.length);
      let inner: Uint8Array | null = null;
      if (position + take === TILE_WIDTH) {
        // Levels 1-7 of the tile are stored with it; level 8 (its root) goes to the level above.
        const levels = subtreeLevelsFlat(tile);
        inner = levels.slice(0, INNER_HASHES * HASH_SIZE);
        if (roots.length === 0) firstCompleted = tileIndex;
        roots.push(levels.subarray(INNER_HASHES * HASH_SIZE));
      }
      tiles.push({ index: tileIndex, hashes: tile, inner });
      if (tiles.length === TILE_ROWS) await writeTiles(tx, level, tiles.splice(0), isPostgres);
      at += take;
      offset += take;
    }
    if (tiles.length > 0) await writeTiles(tx, level, tiles, isPostgres);
    // Each tile completed here is one hash, at its tile index, on the level above.
    first = firstCompleted;
    hashes = joinHashes(roots);
    level += 1;
  }
}

/** Hashes of a full tile's inner levels 1-7: 128 + 64 + ... + 2. */
const INNER_HASHES = TILE_WIDTH - 2;
/** Tiles per write statement (up to 16 KiB each). */
const TILE_ROWS = 64;

/** Inserts or replaces tiles of one level, in one statement. */
async function writeTiles(
  tx: Tx,
  level: number,
  tiles: readonly { index: number; hashes: Uint8Array; inner: Uint8Array | null }[],
  isPostgres: boolean,
): Promise<void> {
  const parameters: unknown[] = [];
  for (const tile of tiles) parameters.push(level, tile.index, tile.hashes, tile.inner);
  await tx.executeQuery(
    CompiledQuery.raw(
      `insert into record_tiles (level, idx, hashes, "inner") values ${placeholders(tiles.length, 4, isPostgres)}` +
        ' on conflict (level, idx) do update set hashes = excluded.hashes, "inner" = excluded."inner"',
      parameters,
    ),
  );
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
  // Partial tiles are not cached across calls, but several nodes often lie in the same one.
  const read = new Map<string, StoredTile>();
  for (const node of nodes) {
    const key = `${node.level}/${node.index}`;
    const memo = cache?.nodes.get(key);
    if (memo !== undefined) {
      out.push(memo);
      continue;
    }
    const tileLevel = Math.floor(node.level / TILE_HEIGHT);
    const height = node.level % TILE_HEIGHT;
    const firstHash = node.index * 2 ** height; // index at tree level 8 * tileLevel
    const tileIndex = Math.floor(firstHash / TILE_WIDTH);
    const tileKey = `${tileLevel}/${tileIndex}`;
    let tile = read.get(tileKey);
    if (tile === undefined) {
      tile = await readTileCached(db, tileLevel, tileIndex, cache);
      read.set(tileKey, tile);
    }
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
    // Nodes of full tiles stay at hand in the tile cache; others (computed, or read from a
    // partial tile, copied so as not to hold the tile) are kept by themselves.
    if (cache !== undefined && (height > 0 || tile.hashes.length < TILE_WIDTH * HASH_SIZE)) {
      if (cache.nodes.size >= CACHE_NODES)
        cache.nodes.delete(cache.nodes.keys().next().value as string);
      cache.nodes.set(key, height > 0 ? hash : hash.slice());
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
 * Full tiles by "level/index", and node hashes computed or read from partial tiles by
 * "level/index": both never change (a complete subtree's hash is final), so they are cached
 * without expiry checks, bounded in number.
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
  const {
    rows: [row],
  } = await sql<Pick<RecordTileRow, 'hashes' | 'inner'>>`
    select hashes, "inner" from record_tiles where level = ${level} and idx = ${index}
  `.execute(db);
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
