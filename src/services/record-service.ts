/**
 * The record as a service: size, roots, proofs, entries, tiles and signed checkpoints. Proof
 * arguments are checked here and refused with VALIDATION_FAILED naming the parameter.
 */
import { DomainError, invalid } from '../core/errors.js';
import type { RecordedEvent } from '../core/events.js';
import { formatCheckpoint } from '../core/record/checkpoint.js';
import { decodeEntry } from '../core/record/entry.js';
import { hashLeaf, toBase64 } from '../core/record/hash.js';
import { encodeVerifierKey, signNote, type NoteSigner } from '../core/record/note.js';
import { encodeBundle, TILE_WIDTH, type TileRef } from '../core/record/tiles.js';
import {
  combineRange,
  consistencyPlan,
  inclusionPlan,
  rootPlan,
  type NodeRef,
} from '../core/record/tree.js';
import {
  findEntryIndex,
  latestCheckpoint,
  readEntries,
  readNodeHashes,
  readTileBytes,
  recordSize,
  saveCheckpoint,
  createTileCache,
  type TileCache,
} from '../store/record-log.js';
import type { ServiceContext } from './context.js';
import { auditRecord, type AuditReport } from './record-audit.js';
import { rebuildProjections } from './record-rebuild.js';
import type { NoteVerifier } from '../core/record/note.js';

/** An entry with its decoded event. */
export interface RecordEntry {
  readonly index: number;
  readonly eventId: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  readonly event: RecordedEvent;
}

/** A signed checkpoint as stored. */
export interface SignedCheckpoint {
  readonly size: number;
  readonly root: string;
  readonly note: string;
  readonly signedAt: string;
}

export function createRecordService(ctx: ServiceContext, signer: NoteSigner) {
  const { db } = ctx.store;
  const cache: TileCache = createTileCache();
  const resolve = async (plan: NodeRef[][]) =>
    Promise.all(plan.map(async (nodes) => combineRange(await readNodeHashes(db, nodes, cache))));

  async function requireSize(size: number, path: string): Promise<number> {
    const current = await recordSize(db);
    if (!Number.isSafeInteger(size) || size < 0) throw invalid(path, 'must be a whole number');
    if (size > current) throw invalid(path, `${size} is beyond the record's size ${current}`);
    return current;
  }

  async function root(size: number): Promise<Uint8Array> {
    return combineRange(await readNodeHashes(db, rootPlan(size), cache));
  }

  async function signCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const size = await recordSize(db);
    const latest = await latestCheckpoint(db);
    if (latest !== undefined && latest.size >= size) return undefined;
    // A log must never sign two views that disagree: if the stored tree no longer gives the
    // root already signed (history rewritten, or a restored backup), refuse to sign.
    if (latest !== undefined && toBase64(await root(latest.size)) !== latest.root) {
      throw new Error(
        `refusing to sign: the record no longer matches its checkpoint of size ${latest.size}; run truce record verify`,
      );
    }
    const rootHash = await root(size);
    const note = signNote(formatCheckpoint({ origin: signer.name, size, root: rootHash }), signer);
    const row = { size, root: toBase64(rootHash), note, signed_at: ctx.now().toISOString() };
    await saveCheckpoint(db, row);
    return { size, root: row.root, note, signedAt: row.signed_at };
  }

  return {
    /** The origin line of checkpoints (the key's name). */
    origin: signer.name,
    /** The verifier key in signed-note form. */
    verifierKey: encodeVerifierKey(signer),
    size: () => recordSize(db),
    root,

    /** The latest signed checkpoint, or undefined before the first. */
    async checkpoint(): Promise<SignedCheckpoint | undefined> {
      const row = await latestCheckpoint(db);
      return row && { size: row.size, root: row.root, note: row.note, signedAt: row.signed_at };
    },

    /** Signs a checkpoint for the current size unless the latest already covers it. */
    signCheckpoint,

    /** Verifies the whole record and the projections (see record-audit.ts). */
    audit: (verifier: NoteVerifier = signer): Promise<AuditReport> =>
      auditRecord(ctx.store, verifier),

    /** Rewrites the projections from the record alone. */
    rebuild: () => rebuildProjections(ctx.store),

    /**
     * Signs a checkpoint every `intervalMs` while entries arrive (at most one per interval).
     * Returns a function that stops it.
     */
    startCheckpointing(
      intervalMs = 1000,
      onError: (error: unknown) => void = () => undefined,
    ): () => void {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        signCheckpoint()
          .catch(onError)
          .finally(() => (running = false));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },

    /** The inclusion proof of entry `index` in the tree of `size`. */
    async inclusionProof(index: number, size: number) {
      await requireSize(size, 'size');
      if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
        throw invalid('index', `${index} is not below the tree size ${size}`);
      }
      const [entry] = await readEntries(db, index, index + 1);
      if (entry === undefined) throw new Error(`record entry ${index} is missing`);
      return {
        index,
        size,
        leafHash: hashLeaf(entry.bytes),
        proof: await resolve(inclusionPlan(index, size)),
        root: await root(size),
      };
    },

    /** The consistency proof between two tree sizes. */
    async consistencyProof(from: number, to: number) {
      await requireSize(to, 'to');
      if (!Number.isSafeInteger(from) || from < 1)
        throw invalid('from', 'must be at least 1 (there is no proof from the empty tree)');
      if (from > to) throw invalid('from', `${from} is larger than to (${to})`);
      const proof = from === to ? [] : await resolve(consistencyPlan(from, to));
      return { from, to, proof, root1: await root(from), root2: await root(to) };
    },

    /** The record index of an event, or NOT_FOUND. */
    async indexOfEvent(eventId: string): Promise<number> {
      const index = await findEntryIndex(db, eventId);
      if (index === undefined)
        throw new DomainError('NOT_FOUND', `no event "${eventId}" in the record`, [
          { path: 'event', message: 'not in the record' },
        ]);
      return index;
    },

    /** Entries [from, from + limit) with their decoded events. */
    async entries(from: number, limit: number): Promise<RecordEntry[]> {
      const rows = await readEntries(db, from, from + limit);
      return rows.map((row) => {
        const event = decodeEntry(row.bytes);
        if ('error' in event)
          throw new Error(`record entry ${row.index} is unreadable: ${event.error}`);
        return { ...row, event };
      });
    },

    /**
     * A tile's bytes as C2SP tlog-tiles serves them, or undefined when that tile (at that width)
     * does not exist.
     */
    async tile(tile: TileRef): Promise<Uint8Array | undefined> {
      if (tile.level === 'entries') {
        const start = tile.index * TILE_WIDTH;
        const rows = await readEntries(db, start, start + tile.width);
        return rows.length === tile.width ? encodeBundle(rows.map((r) => r.bytes)) : undefined;
      }
      const bytes = await readTileBytes(db, tile.level, tile.index);
      return bytes.length >= tile.width * 32 ? bytes.subarray(0, tile.width * 32) : undefined;
    },
  };
}
