/**
 * Checking the record against itself and the projections against the record (rebuilding them
 * is record-rebuild.ts).
 */
import { hash as nativeHash } from 'node:crypto';
import { decodeEntry } from '../core/record/entry.js';
import { bytesEqual, HASH_SIZE, toBase64, toHex } from '../core/record/hash.js';
import { parseCheckpoint } from '../core/record/checkpoint.js';
import { openNote, type NoteVerifier } from '../core/record/note.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../core/record/tiles.js';
import { combineRange, rootPlan, subtreeLevelsFlat, type NodeRef } from '../core/record/tree.js';
import type { RecordedEvent } from '../core/events.js';
import { migrateToLatest, openStore, type Store } from '../store/database.js';
import { PROJECTIONS, readProjection, type ProjectionRow } from '../store/projections/tables.js';
import { applyEvents } from '../store/record.js';
import { inReadSnapshot, inTransaction } from '../store/transactions.js';
import { listCheckpoints, readAllTiles, readEntries, recordSize } from '../store/record-log.js';

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
 * what replaying the record produces, and the latest checkpoint (one must exist) holds. Stops
 * at the first problem in each part.
 */
export function auditRecord(store: Store, verifier: NoteVerifier): Promise<AuditReport> {
  // One snapshot for every read, so that a live server appending meanwhile is not "tampering".
  return inReadSnapshot(store.db, (db) => auditSnapshot(db, verifier));
}

async function auditSnapshot(db: Store['db'], verifier: NoteVerifier): Promise<AuditReport> {
  const problems: string[] = [];
  const checkpoints = await listCheckpoints(db);
  // Every tree hash the entries give, computed once: the tiles and the checkpoints' roots are
  // compared with these.
  const tree = new ExpectedTree(await recordSize(db));

  const replica = await openStore('sqlite::memory:');
  try {
    await migrateToLatest(replica);
    // 1. Entries: contiguous, well-formed, replayed into a fresh database.
    let expected = 0;
    scan: for (;;) {
      const rows = await readEntries(db, expected, expected + PAGE);
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
        tree.pushEntry(row.bytes);
        expected += 1;
      }
      await inTransaction(replica.db, (tx) => applyEvents(tx, events));
    }
    const size = expected;

    // 2. Tiles: exactly what the entries hash to.
    if (problems.length === 0) {
      const tileProblem = await checkTiles(db, tree);
      if (tileProblem !== undefined) problems.push(tileProblem);
    }

    // 3. The latest checkpoint: signed by the key, with the root the entries give. (Earlier
    // ones were checked the same way when they were the latest; a log can hold millions.)
    const latest = checkpoints.at(-1);
    if (latest === undefined && size > 0 && problems.length === 0) {
      problems.push(`the record has ${size} entries but no signed checkpoint`);
    }
    for (const checkpoint of latest === undefined ? [] : [latest]) {
      const opened = openNote(checkpoint.note, [verifier]);
      if (!opened.ok) {
        problems.push(`checkpoint of size ${checkpoint.size}: ${opened.reason}`);
        break;
      }
      const parsed = parseCheckpoint(opened.text);
      if ('error' in parsed || parsed.size !== checkpoint.size || parsed.origin !== verifier.name) {
        problems.push(
          `checkpoint of size ${checkpoint.size}: its signed text does not match its size or origin`,
        );
        break;
      }
      const root = checkpoint.size <= size ? tree.root(checkpoint.size) : undefined;
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
      const actual = await readProjection(db, table);
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

async function checkTiles(db: Store['db'], tree: ExpectedTree): Promise<string | undefined> {
  const seen = new Set<string>();
  for await (const tile of readAllTiles(db)) {
    seen.add(`${tile.level}/${tile.index}`);
    const expected = tree.tileHashes(tile.level, tile.index);
    const count = tile.hashes.length / HASH_SIZE;
    const want = expected.length / HASH_SIZE;
    // The bottom row first, hash by hash, so that a changed entry is named by its index.
    for (let i = 0; i < Math.min(count, want); i += 1) {
      const hash = expected.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
      if (!sameBytes(tile.hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE), hash)) {
        const position = tile.index * TILE_WIDTH + i;
        return tile.level === 0
          ? `entry ${position}: its hash ${toHex(hash).slice(0, 16)}… is not the one in tile 0/${tile.index} (the entry was changed)`
          : `tile ${tile.level}/${tile.index} position ${i} does not match the tiles below`;
      }
    }
    if (count > want && tile.level === 0) {
      return `entry ${tile.index * TILE_WIDTH + want} is missing (tile 0/${tile.index} holds its leaf hash)`;
    }
    if (count !== want) {
      return `tile ${tile.level}/${tile.index} holds ${count} hashes; the entries give ${want}`;
    }
    if (want === TILE_WIDTH) {
      const inner = tree.tileInner(tile.level, tile.index);
      if (!sameBytes(tile.inner ?? new Uint8Array(0), inner))
        return `tile ${tile.level}/${tile.index}: its stored inner nodes do not match its hashes`;
    }
  }
  for (let level = 0; tree.count(level) > 0; level += 1) {
    for (let index = 0; index * TILE_WIDTH < tree.count(level); index += 1) {
      if (!seen.has(`${level}/${index}`)) return `tile ${level}/${index} is missing`;
    }
  }
  return undefined;
}

/**
 * The tree hashes of a log, built one entry at a time: each tile level's hashes (level 0 the
 * leaf hashes; each full tile's root one hash on the level above) and each full tile's inner
 * levels 1-7, all 32 bytes back to back, so that each node of a full tile is hashed once. Hashing
 * uses Node's native SHA-256: the same function as core/record/hash.ts, a few times faster.
 */
class ExpectedTree {
  private readonly levels: HashList[];
  private readonly inners: HashList[];
  /** Nodes inside partial tiles, computed for roots on demand; complete subtrees never change. */
  private readonly partialNodes = new Map<string, Uint8Array>();
  private leafInput = new Uint8Array(1 + 1024);

  /** `sizeHint`: the expected number of entries, to allocate once (up to 2^20 hashes). */
  constructor(sizeHint: number) {
    const leaves = Math.min(sizeHint, 2 ** 20);
    this.levels = [new HashList(leaves)];
    this.inners = [new HashList(Math.floor(leaves / TILE_WIDTH) * INNER_HASHES)];
  }

  /** Adds the leaf hash of the next entry. */
  pushEntry(bytes: Uint8Array): void {
    if (this.leafInput.length < bytes.length + 1)
      this.leafInput = new Uint8Array(2 * (bytes.length + 1));
    this.leafInput[0] = 0;
    this.leafInput.set(bytes, 1);
    this.push(0, sha256(this.leafInput.subarray(0, bytes.length + 1)));
  }

  private push(level: number, nodeHash: Uint8Array): void {
    const list = (this.levels[level] ??= new HashList(0));
    list.push(nodeHash);
    if (list.count % TILE_WIDTH !== 0) return;
    const tile = list.bytes.subarray((list.count - TILE_WIDTH) * HASH_SIZE, list.count * HASH_SIZE);
    const levels = subtreeLevelsFlat(tile, hashPair);
    (this.inners[level] ??= new HashList(0)).push(levels.subarray(0, INNER_HASHES * HASH_SIZE));
    this.push(level + 1, levels.subarray(INNER_HASHES * HASH_SIZE));
  }

  /** How many hashes tile level `level` has. */
  count(level: number): number {
    return this.levels[level]?.count ?? 0;
  }

  /** The hashes of tile `level/index` (empty when the entries give none), back to back. */
  tileHashes(level: number, index: number): Uint8Array {
    const list = this.levels[level];
    if (list === undefined) return new Uint8Array(0);
    const from = Math.min(index * TILE_WIDTH, list.count);
    const to = Math.min((index + 1) * TILE_WIDTH, list.count);
    return list.bytes.subarray(from * HASH_SIZE, to * HASH_SIZE);
  }

  /** The inner levels 1-7 of the full tile `level/index`, as stored in record_tiles.inner. */
  tileInner(level: number, index: number): Uint8Array {
    const list = this.inners[level] as HashList;
    return list.bytes.subarray(
      index * INNER_HASHES * HASH_SIZE,
      (index + 1) * INNER_HASHES * HASH_SIZE,
    );
  }

  /** The root of the tree of the first `size` entries (size <= the entries pushed). */
  root(size: number): Uint8Array {
    return combineRange(rootPlan(size).map((node) => this.node(node)));
  }

  /** The hash of a complete subtree within the entries pushed. */
  private node({ level, index }: NodeRef): Uint8Array {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const height = level % TILE_HEIGHT;
    const list = this.levels[tileLevel] as HashList;
    const first = index * 2 ** height; // index at tile level `tileLevel`
    if (height === 0) return list.bytes.slice(first * HASH_SIZE, (first + 1) * HASH_SIZE);
    const tileIndex = Math.floor(first / TILE_WIDTH);
    if ((tileIndex + 1) * TILE_WIDTH <= list.count) {
      // Inner levels are kept level by level: 128 hashes of height 1, then 64, ...
      const offset =
        tileIndex * INNER_HASHES +
        TILE_WIDTH -
        TILE_WIDTH / 2 ** (height - 1) +
        (first % TILE_WIDTH) / 2 ** height;
      return (this.inners[tileLevel] as HashList).bytes.slice(
        offset * HASH_SIZE,
        (offset + 1) * HASH_SIZE,
      );
    }
    const key = `${level}/${index}`;
    let computed = this.partialNodes.get(key);
    if (computed === undefined) {
      const bottom = list.bytes.subarray(first * HASH_SIZE, (first + 2 ** height) * HASH_SIZE);
      computed = subtreeLevelsFlat(bottom, hashPair).slice(-HASH_SIZE);
      this.partialNodes.set(key, computed);
    }
    return computed;
  }
}

/** Hashes of a full tile's inner levels 1-7: 128 + 64 + ... + 2. */
const INNER_HASHES = TILE_WIDTH - 2;

/** A growing list of 32-byte hashes kept back to back. */
class HashList {
  bytes: Uint8Array;
  count = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 64) * HASH_SIZE);
  }
  /** Appends one or more hashes (a multiple of 32 bytes). */
  push(hashes: Uint8Array): void {
    const end = this.count * HASH_SIZE + hashes.length;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.count * HASH_SIZE));
      this.bytes = grown;
    }
    this.bytes.set(hashes, this.count * HASH_SIZE);
    this.count += hashes.length / HASH_SIZE;
  }
}

const sha256 = (bytes: Uint8Array): Uint8Array => nativeHash('sha256', bytes, 'buffer');
const pairInput = new Uint8Array(1 + 2 * HASH_SIZE);
pairInput[0] = 1;

/** RFC 6962 interior node hash of 64 bytes (left || right): SHA-256(0x01 || left || right). */
function hashPair(pair: Uint8Array): Uint8Array {
  pairInput.set(pair, 1);
  return sha256(pairInput);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
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
      // Strictly: a NULL and the text "null" are different values.
      if (!Object.is(row[column], expected[column])) {
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
