/**
 * C2SP signed notes with Ed25519 keys: key encoding (vkey `name+id+base64`, skey
 * `PRIVATE+KEY+name+id+base64`), signing and verification. Pure; shared with the browser.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, toBase64 } from './hash.js';

const ED25519 = 0x01;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Verifiers look at no more than this many signatures. */
export const MAX_SIGNATURES = 16;

/** A public key that verifies notes. */
export interface NoteVerifier {
  readonly name: string;
  /** The 4-byte key id as an unsigned 32-bit number. */
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

/** A private key that signs notes. */
export interface NoteSigner extends NoteVerifier {
  readonly seed: Uint8Array;
}

/** The key id of an Ed25519 key: SHA-256(name || "\n" || 0x01 || public key)[:4], big-endian. */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  input.set(nameBytes, 0);
  input[nameBytes.length] = 0x0a;
  input[nameBytes.length + 1] = ED25519;
  input.set(publicKey, nameBytes.length + 2);
  const digest = sha256(input);
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
}

/** A signer from a 32-byte Ed25519 seed. */
export function signerFromSeed(name: string, seed: Uint8Array): NoteSigner {
  checkKeyName(name);
  const publicKey = ed25519.getPublicKey(seed);
  return { name, keyId: keyIdOf(name, publicKey), publicKey, seed };
}

/** The verifier key string `name+hexid+base64(0x01 || public key)`. */
export function encodeVerifierKey(key: NoteVerifier): string {
  return `${key.name}+${hex8(key.keyId)}+${toBase64(prefixed(key.publicKey))}`;
}

/** The private key string `PRIVATE+KEY+name+hexid+base64(0x01 || seed)`. Keep it secret. */
export function encodeSignerKey(key: NoteSigner): string {
  return `PRIVATE+KEY+${key.name}+${hex8(key.keyId)}+${toBase64(prefixed(key.seed))}`;
}

/** Parses a verifier key string; returns an error message when it is malformed. */
export function parseVerifierKey(text: string): NoteVerifier | { error: string } {
  // The base64 key may itself contain "+": split on the first two only.
  const match = /^([^+\s]+)\+([^+]*)\+(\S+)$/.exec(text.trim());
  if (match === null) return { error: 'a verifier key has the form name+id+key' };
  const [, name = '', id = '', key = ''] = match;
  const bytes = fromBase64(key);
  if (!/^[0-9a-f]{8}$/.test(id)) return { error: 'the key id must be 8 hex digits' };
  if (bytes === undefined || bytes.length !== 33 || bytes[0] !== ED25519) {
    return { error: 'the key must be base64 of 0x01 and a 32-byte Ed25519 public key' };
  }
  const publicKey = bytes.slice(1);
  if (keyIdOf(name, publicKey) !== parseInt(id, 16))
    return { error: 'the key id does not match the key' };
  return { name, keyId: parseInt(id, 16), publicKey };
}

/** Parses a private key string; returns an error message when it is malformed. */
export function parseSignerKey(text: string): NoteSigner | { error: string } {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  const bytes = match?.[3] === undefined ? undefined : fromBase64(match[3]);
  if (match === null || bytes === undefined || bytes.length !== 33 || bytes[0] !== ED25519) {
    return { error: 'a signer key has the form PRIVATE+KEY+name+id+base64(0x01 || seed)' };
  }
  const signer = signerFromSeed(match[1] ?? '', bytes.slice(1));
  if (signer.keyId !== parseInt(match[2] ?? '', 16))
    return { error: 'the key id does not match the key' };
  return signer;
}

/** Signs a note text (which must end in a newline) and returns the whole signed note. */
export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw new Error('a note text must end with a newline');
  const signature = ed25519.sign(encoder.encode(text), signer.seed);
  const blob = new Uint8Array(4 + signature.length);
  new DataView(blob.buffer).setUint32(0, signer.keyId);
  blob.set(signature, 4);
  return `${text}\n\u2014 ${signer.name} ${toBase64(blob)}\n`;
}

/** The result of opening a signed note. */
export type OpenedNote =
  | { readonly ok: true; readonly text: string; readonly verifiedBy: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies a signed note against trusted keys: at least one signature by a known key must
 * verify, and none by a known key may fail. Signatures by unknown keys are ignored.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  // eslint-disable-next-line no-control-regex -- control characters are what is being refused
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note))
    return { ok: false, reason: 'the note contains a control character' };
  const split = note.lastIndexOf('\n\n');
  if (!note.endsWith('\n') || split < 0)
    return { ok: false, reason: 'malformed note: no signature block' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    return { ok: false, reason: `more than ${MAX_SIGNATURES} signatures` };
  const verifiedBy: string[] = [];
  const message = encoder.encode(text);
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    const blob = match?.[2] === undefined ? undefined : fromBase64(match[2]);
    if (match === null || blob === undefined || blob.length < 5)
      return { ok: false, reason: `malformed signature line "${line}"` };
    const keyId = new DataView(blob.buffer, blob.byteOffset, 4).getUint32(0);
    const key = verifiers.find((v) => v.name === match[1] && v.keyId === keyId);
    if (key === undefined) continue;
    if (!ed25519.verify(blob.slice(4), message, key.publicKey)) {
      return { ok: false, reason: `the signature by ${key.name} does not verify` };
    }
    verifiedBy.push(key.name);
  }
  if (verifiedBy.length === 0) return { ok: false, reason: 'no signature by a trusted key' };
  try {
    decoder.decode(message);
  } catch {
    return { ok: false, reason: 'the note text is not UTF-8' };
  }
  return { ok: true, text, verifiedBy };
}

function checkKeyName(name: string): void {
  if (name === '' || /[\s+]/u.test(name))
    throw new Error(`bad key name "${name}": no spaces or "+"`);
}

function prefixed(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1);
  out[0] = ED25519;
  out.set(key, 1);
  return out;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
