/** C2SP tlog-checkpoint bodies: origin, tree size, root hash (base64), optional extensions. */
import { fromBase64, HASH_SIZE, toBase64 } from './hash.js';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
}

/** The checkpoint body (the note text to sign). */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`;
}

/** Parses a checkpoint body (a verified note's text); returns a message when malformed. */
export function parseCheckpoint(text: string): Checkpoint | { error: string } {
  const lines = text.split('\n');
  const [origin = '', sizeText = '', rootText = ''] = lines;
  if (lines.length < 4 || lines.at(-1) !== '')
    return { error: 'a checkpoint has at least three lines, each ending in a newline' };
  if (origin === '') return { error: 'the origin line is empty' };
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    return { error: `the size "${sizeText}" is not a decimal number` };
  }
  if (lines.slice(3, -1).some((line) => line === ''))
    return { error: 'extension lines must not be empty' };
  const root = fromBase64(rootText);
  if (root === undefined || root.length !== HASH_SIZE)
    return { error: 'the root is not a base64 32-byte hash' };
  return { origin, size: Number(sizeText), root };
}
