/** The record as its JSON API shows it: hashes and bytes in base64. */
import { hashLeaf, toBase64 } from '../../core/record/hash.js';
import type { RecordEntry } from '../../services/record-service.js';
import type * as RecordApi from '../schemas/record.js';
import type { Resolved } from './resolved.js';

/** An entry decoded, with its canonical bytes and leaf hash. */
export function presentEntry(entry: RecordEntry): RecordApi.Entry {
  return {
    index: entry.index,
    eventId: entry.eventId,
    type: entry.type,
    at: entry.event.at,
    by: entry.event.by,
    payload: entry.event.payload as Record<string, unknown>,
    entry: toBase64(entry.bytes),
    leafHash: toBase64(hashLeaf(entry.bytes)),
  };
}

/** A signed checkpoint (the service's checkpoint is the API shape). */
export function presentCheckpoint(
  checkpoint: NonNullable<Resolved<'record', 'checkpoint'>>,
): RecordApi.Checkpoint {
  return checkpoint;
}

export function presentInclusionProof(
  proof: Resolved<'record', 'inclusionProof'>,
): RecordApi.InclusionProof {
  return {
    ...proof,
    leafHash: toBase64(proof.leafHash),
    proof: proof.proof.map(toBase64),
    root: toBase64(proof.root),
  };
}

export function presentConsistencyProof(
  proof: Resolved<'record', 'consistencyProof'>,
): RecordApi.ConsistencyProof {
  return {
    ...proof,
    proof: proof.proof.map(toBase64),
    root1: toBase64(proof.root1),
    root2: toBase64(proof.root2),
  };
}
