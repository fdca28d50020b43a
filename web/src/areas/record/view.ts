/**
 * The record as the browser sees it: the API's facts, the verifier key, and the latest signed
 * checkpoint verified with that key. The Record page and every decision's proof start here.
 */
import { ApiError } from '../../api';
import type { RecordState } from '../../api-types';
import { getCheckpointNote, getRecord, getVerifierKey } from '../../endpoints';
import { verifyCheckpoint, type CheckpointState } from './check';

/** The record as the API describes it, with what the browser established about it. */
export interface RecordView {
  readonly info: RecordState;
  /** The verifier key exactly as /record/key serves it, trimmed. */
  readonly key: string;
  readonly checkpoint: CheckpointState;
}

/**
 * Loads the signed checkpoint and the key, then the record's facts (so they are never older than
 * the checkpoint), and verifies the signature.
 */
export async function loadRecordView(): Promise<RecordView> {
  const [key, note] = await Promise.all([getVerifierKey(), loadCheckpointNote()]);
  const info = await getRecord();
  const checkpoint: CheckpointState =
    note === null ? { status: 'none' } : verifyCheckpoint(note, key, info.key, info.origin);
  return { info, key: key.trim(), checkpoint };
}

/** The signed checkpoint note; null before the first checkpoint (empty answer or 404). */
async function loadCheckpointNote(): Promise<string | null> {
  try {
    const note = await getCheckpointNote();
    return note.trim() === '' ? null : note;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
