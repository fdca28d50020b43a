/**
 * Checking the record in the browser, with the same pure code the server and the command-line
 * tool use: the checkpoint's signature against the verifier key, an entry's leaf hash against
 * its bytes, and the entry's inclusion proof against the verified checkpoint's root. Nothing the
 * server says is trusted beyond what these checks establish.
 */
import { parseCheckpoint, type Checkpoint } from '../../../../src/core/record/checkpoint.js';
import { bytesEqual, fromBase64, hashLeaf } from '../../../../src/core/record/hash.js';
import { openNote, parseVerifierKey } from '../../../../src/core/record/note.js';
import { verifyInclusion } from '../../../../src/core/record/verify.js';
import type { InclusionProof, Entry } from '../../api-types';
import { t } from '../../strings';

/** What the browser established about the latest checkpoint. */
export type CheckpointState =
  | {
      readonly status: 'verified';
      /** The name of the key whose signature verified. */
      readonly keyName: string;
      readonly checkpoint: Checkpoint;
    }
  /** The server has not signed a checkpoint yet. */
  | { readonly status: 'none' }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Verifies a signed checkpoint note with the verifier key `keyText`, and that it is for
 * `origin`. `apiKey` is the key the JSON API reports, which must be the same key.
 */
export function verifyCheckpoint(
  note: string,
  keyText: string,
  apiKey: string,
  origin: string,
): CheckpointState {
  if (keyText.trim() !== apiKey.trim()) return failed(t('record.reasonKeyMismatch'));
  const verifier = parseVerifierKey(keyText);
  if ('error' in verifier) return failed(t('record.reasonBadKey', { reason: verifier.error }));
  const opened = openNote(note, [verifier]);
  if (!opened.ok) return failed(opened.reason);
  const checkpoint = parseCheckpoint(opened.text);
  if ('error' in checkpoint) {
    return failed(t('record.reasonBadCheckpoint', { reason: checkpoint.error }));
  }
  if (checkpoint.origin !== origin) {
    return failed(t('record.reasonOrigin', { found: checkpoint.origin, expected: origin }));
  }
  return { status: 'verified', keyName: verifier.name, checkpoint };
}

/** The outcome of checking one entry. */
export type EntryCheck =
  | { readonly status: 'included'; readonly index: number; readonly size: number }
  /** The entry is newer than the latest checkpoint (or there is none yet). */
  | { readonly status: 'pending' }
  | { readonly status: 'failed'; readonly reason: string };

/** Fetches the inclusion proof of entry `index` in the tree of `size` entries. */
export type ProofSource = (index: number, size: number) => Promise<InclusionProof>;

/**
 * Checks one entry: its bytes hash to its leaf hash and hold the fields shown, and, when a
 * verified checkpoint covers it, its inclusion proof leads to that checkpoint's root. Failures
 * to fetch the proof are thrown for the caller to report.
 */
export async function checkEntry(
  entry: Entry,
  state: CheckpointState,
  fetchProof: ProofSource,
): Promise<EntryCheck> {
  const bytes = fromBase64(entry.entry);
  if (bytes === undefined) return failed(t('record.reasonEntryNotBase64'));
  const leafHash = hashLeaf(bytes);
  const claimed = fromBase64(entry.leafHash);
  if (claimed === undefined || !bytesEqual(leafHash, claimed)) {
    return failed(t('record.reasonLeafHash'));
  }
  if (!holdsFieldsShown(bytes, entry)) return failed(t('record.reasonEntryFields'));
  if (state.status === 'failed') return failed(t('record.reasonNoVerifiedCheckpoint'));
  if (state.status === 'none' || entry.index >= state.checkpoint.size) return { status: 'pending' };

  const { size, root } = state.checkpoint;
  const answer = await fetchProof(entry.index, size);
  if (answer.index !== entry.index || answer.size !== size) {
    return failed(t('record.reasonProofMismatch', { index: answer.index, size: answer.size }));
  }
  const proof: Uint8Array[] = [];
  for (const text of answer.proof) {
    const hash = fromBase64(text);
    if (hash === undefined) return failed(t('record.reasonProofNotBase64'));
    proof.push(hash);
  }
  // The leaf hash computed here and the root of the verified checkpoint: never the server's.
  const result = verifyInclusion(entry.index, size, leafHash, proof, root);
  return result.ok ? { status: 'included', index: entry.index, size } : failed(result.reason);
}

function failed(reason: string): { readonly status: 'failed'; readonly reason: string } {
  return { status: 'failed', reason };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** True when the canonical entry bytes hold the event id, type, time, actor and payload shown. */
function holdsFieldsShown(bytes: Uint8Array, entry: Entry): boolean {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null) return false;
  const held = value as Record<string, unknown>;
  return (
    held['id'] === entry.eventId &&
    held['type'] === entry.type &&
    held['at'] === entry.at &&
    held['by'] === entry.by &&
    sameJson(held['payload'], entry.payload)
  );
}

/** Deep equality of two JSON values, ignoring the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]))
  );
}
