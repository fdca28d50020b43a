import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../test/support/dialects.js';
import { memoryTree } from '../../test/support/memory-tree.js';
import { hashLeaf, toHex } from '../core/record/hash.js';
import {
  combineRange,
  consistencyPlan,
  inclusionPlan,
  rootPlan,
  type NodeRef,
} from '../core/record/tree.js';
import { verifyConsistency, verifyInclusion } from '../core/record/verify.js';
import { migrateToLatest, openStore, type Store } from './database.js';
import { inTransaction } from './transactions.js';
import {
  appendEntries,
  readEntries,
  readNodeHashes,
  readTileBytes,
  recordSize,
  createTileCache,
  type TileCache,
} from './record-log.js';

const entryBytes = (i: number) => new TextEncoder().encode(`{"entry":${i}}`);

describeEachDialect('the record log in the database', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  // Batches of awkward sizes cross tile boundaries at levels 0 and 1.
  const batches = [1, 2, 253, 256, 1, 700, 300, 40_000 - 1513, 256 * 256 - 40_000 + 5];
  const total = batches.reduce((a, b) => a + b, 0);
  const leafHashes = Array.from({ length: total }, (_, i) => hashLeaf(entryBytes(i)));
  const { node } = memoryTree(leafHashes);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.url);
    await migrateToLatest(store);
    let at = 0;
    for (const size of batches) {
      const entries = Array.from({ length: size }, (_, j) => ({
        eventId: `e${at + j}`,
        type: 'test',
        bytes: entryBytes(at + j),
      }));
      const first = await inTransaction(store.db, (tx) =>
        appendEntries(tx, entries, dialect === 'postgres'),
      );
      expect(first).toBe(at);
      at += size;
    }
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('stores every entry at its index', async () => {
    expect(await recordSize(store.db)).toBe(total);
    const some = await readEntries(store.db, 255, 258);
    expect(some.map((e) => [e.index, e.eventId])).toEqual([
      [255, 'e255'],
      [256, 'e256'],
      [257, 'e257'],
    ]);
    expect(new TextDecoder().decode(some[0]?.bytes)).toBe('{"entry":255}');
  });

  it('keeps tiles exactly as C2SP tlog-tiles defines them', async () => {
    const level0 = await readTileBytes(store.db, 0, 3);
    expect(level0.length).toBe(256 * 32);
    expect(toHex(level0.subarray(0, 32))).toBe(toHex(leafHashes[768] as Uint8Array));
    const level1 = await readTileBytes(store.db, 1, 0);
    expect(level1.length).toBe(Math.floor(total / 256) * 32);
    expect(toHex(level1.subarray(32 * 5, 32 * 6))).toBe(toHex(node({ level: 8, index: 5 })));
    const level2 = await readTileBytes(store.db, 2, 0);
    expect(level2.length).toBe(32);
    expect(toHex(level2)).toBe(toHex(node({ level: 16, index: 0 })));
  });

  it('gives the right root for any size, and proofs that verify', async () => {
    const cache: TileCache = createTileCache();
    const resolve = async (plan: NodeRef[][]) =>
      Promise.all(
        plan.map(async (nodes) => combineRange(await readNodeHashes(store.db, nodes, cache))),
      );
    for (const size of [1, 2, 3, 255, 256, 257, 1000, 65_535, 65_536, total]) {
      if (size > total) continue;
      const root = combineRange(await readNodeHashes(store.db, rootPlan(size), cache));
      expect(toHex(root), `size ${size}`).toBe(toHex(combineRange(rootPlan(size).map(node))));
      for (const index of [0, size - 1, Math.floor(size / 3)]) {
        const proof = await resolve(inclusionPlan(index, size));
        expect(verifyInclusion(index, size, leafHashes[index] as Uint8Array, proof, root).ok).toBe(
          true,
        );
      }
      for (const from of [1, Math.ceil(size / 2)]) {
        const proof = await resolve(consistencyPlan(from, size));
        const root1 = combineRange(rootPlan(from).map(node));
        expect(verifyConsistency(from, size, proof, root1, root).ok, `${from} -> ${size}`).toBe(
          true,
        );
      }
    }
  });
});
