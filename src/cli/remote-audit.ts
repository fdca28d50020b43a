/**
 * Verifying a Truce record from outside, over HTTP only, as an auditor would: fetch the
 * checkpoint, every entry bundle and the level-0 tiles, recompute the tree, check the signature,
 * the root, and consistency with a checkpoint trusted earlier.
 */
import { parseCheckpoint, type Checkpoint } from '../core/record/checkpoint.js';
import { bytesEqual, fromBase64, hashLeaf, toBase64 } from '../core/record/hash.js';
import { openNote, type NoteVerifier } from '../core/record/note.js';
import { decodeBundle, tilePath, TILE_WIDTH } from '../core/record/tiles.js';
import { RootAccumulator, subtreeRoot } from '../core/record/tree.js';
import { verifyConsistency } from '../core/record/verify.js';

/** The outcome of a remote audit. */
export type RemoteAudit =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      readonly note: string;
      readonly consistentFrom?: number;
    }
  | { readonly ok: false; readonly problem: string };

/** Fetches a URL's bytes; throws with the URL and status when it fails. */
export type Fetcher = (url: string) => Promise<Uint8Array>;

/** A fetcher over the global fetch. */
export const httpFetcher: Fetcher = async (url) => {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, identity' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * Audits the log at `base` (the server URL; the log is at `<base>/record/`). `trustedNote` is a
 * checkpoint note verified earlier, if any.
 */
export async function auditRemote(
  base: string,
  verifier: NoteVerifier,
  trustedNote: string | undefined,
  fetchBytes: Fetcher = httpFetcher,
): Promise<RemoteAudit> {
  const prefix = `${base.replace(/\/+$/, '')}/record/`;
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const note = text(await fetchBytes(`${prefix}checkpoint`));
  const current = openCheckpoint(note, verifier);
  if ('problem' in current)
    return { ok: false, problem: `the server's checkpoint: ${current.problem}` };

  let trusted: Checkpoint | undefined;
  if (trustedNote !== undefined) {
    const opened = openCheckpoint(trustedNote, verifier);
    if ('problem' in opened)
      return { ok: false, problem: `the trusted checkpoint: ${opened.problem}` };
    trusted = opened;
    if (trusted.size > current.size) {
      return {
        ok: false,
        problem: `the log shrank: trusted size ${trusted.size}, now ${current.size}`,
      };
    }
  }

  const accumulator = new RootAccumulator();
  const levelZero: Uint8Array[] = [];
  let trustedRoot: Uint8Array | undefined = trusted?.size === 0 ? accumulator.root() : undefined;
  for (let tile = 0; tile * TILE_WIDTH < current.size; tile += 1) {
    const width = Math.min(TILE_WIDTH, current.size - tile * TILE_WIDTH);
    const entries = decodeBundle(
      await fetchBytes(`${prefix}${tilePath({ level: 'entries', index: tile, width })}`),
    );
    const hashes = await fetchBytes(`${prefix}${tilePath({ level: 0, index: tile, width })}`);
    if ('error' in entries) return { ok: false, problem: `entry bundle ${tile}: ${entries.error}` };
    if (entries.length !== width || hashes.length !== width * 32) {
      return {
        ok: false,
        problem: `tile ${tile} has ${entries.length} entries and ${hashes.length / 32} hashes; expected ${width}`,
      };
    }
    for (let i = 0; i < width; i += 1) {
      const index = tile * TILE_WIDTH + i;
      const leaf = hashLeaf(entries[i] as Uint8Array);
      if (!bytesEqual(leaf, hashes.subarray(i * 32, (i + 1) * 32))) {
        return { ok: false, problem: `entry ${index} does not hash to its leaf in tile 0/${tile}` };
      }
      accumulator.push(leaf);
      levelZero.push(leaf);
      if (trusted !== undefined && accumulator.size === trusted.size)
        trustedRoot = accumulator.root();
    }
  }
  const upper = await checkUpperTiles(prefix, levelZero, fetchBytes);
  if (upper !== undefined) return { ok: false, problem: upper };
  const root = accumulator.root();
  if (!bytesEqual(root, current.root)) {
    return {
      ok: false,
      problem: `the entries give root ${toBase64(root)}, the checkpoint says ${toBase64(current.root)}`,
    };
  }
  if (trusted === undefined) return { ok: true, checkpoint: current, note };
  if (trustedRoot === undefined || !bytesEqual(trustedRoot, trusted.root)) {
    return {
      ok: false,
      problem: `the log was rewritten: its first ${trusted.size} entries no longer give the trusted root`,
    };
  }
  if (trusted.size > 0 && trusted.size < current.size) {
    // Also check the server's own consistency proof, as a light client would.
    const proofJson = JSON.parse(
      text(
        await fetchBytes(
          `${base.replace(/\/+$/, '')}/api/v1/record/proof/consistency?from=${trusted.size}&to=${current.size}`,
        ),
      ),
    ) as { proof: string[] };
    const proof = proofJson.proof.map((p) => fromBase64(p) ?? new Uint8Array(0));
    const check = verifyConsistency(trusted.size, current.size, proof, trusted.root, current.root);
    if (!check.ok)
      return { ok: false, problem: `the server's consistency proof fails: ${check.reason}` };
  }
  return { ok: true, checkpoint: current, note, consistentFrom: trusted.size };
}

/**
 * Fetches every tile above level 0 and checks it against the level below: each hash is the
 * root of a full tile one level down (C2SP tlog-tiles), so ordinary tile clients get the truth.
 */
async function checkUpperTiles(
  prefix: string,
  levelZero: readonly Uint8Array[],
  fetchBytes: Fetcher,
): Promise<string | undefined> {
  let below = levelZero;
  for (let level = 1; below.length >= TILE_WIDTH; level += 1) {
    const expected: Uint8Array[] = [];
    for (let t = 0; t + TILE_WIDTH <= below.length; t += TILE_WIDTH)
      expected.push(subtreeRoot(below.slice(t, t + TILE_WIDTH)));
    for (let tile = 0; tile * TILE_WIDTH < expected.length; tile += 1) {
      const width = Math.min(TILE_WIDTH, expected.length - tile * TILE_WIDTH);
      const bytes = await fetchBytes(`${prefix}${tilePath({ level, index: tile, width })}`);
      for (let i = 0; i < width; i += 1) {
        const want = expected[tile * TILE_WIDTH + i] as Uint8Array;
        if (
          bytes.length !== width * 32 ||
          !bytesEqual(bytes.subarray(i * 32, (i + 1) * 32), want)
        ) {
          return `tile ${level}/${tile} does not match the tiles below it`;
        }
      }
    }
    below = expected;
  }
  return undefined;
}

function openCheckpoint(note: string, verifier: NoteVerifier): Checkpoint | { problem: string } {
  const opened = openNote(note, [verifier]);
  if (!opened.ok) return { problem: opened.reason };
  const checkpoint = parseCheckpoint(opened.text);
  if ('error' in checkpoint) return { problem: checkpoint.error };
  if (checkpoint.origin !== verifier.name) {
    return { problem: `origin "${checkpoint.origin}" is not the key's name "${verifier.name}"` };
  }
  return checkpoint;
}
