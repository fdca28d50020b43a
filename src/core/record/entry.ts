/**
 * A record entry: the RFC 8785 canonical JSON of an event (id, type, version, time, actor,
 * payload). The same event always gives the same bytes, so anyone can re-hash it.
 */
import canonicalize from 'canonicalize';
import type { RecordedEvent } from '../events.js';
import { MAX_ENTRY_BYTES } from './tiles.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const knownPayloads = new WeakMap<object, string>();

/**
 * Tells encodeEntry the canonical JSON of a payload built from parts already canonicalized (a
 * batch of reports), so it is not canonicalized a second time. `text` must be exactly
 * canonicalize(payload).
 */
export function withCanonicalText<T extends object>(payload: T, text: string): T {
  knownPayloads.set(payload, text);
  return payload;
}

/** The canonical bytes of an event. Throws when the event exceeds the 64 KiB entry limit. */
export function encodeEntry(event: RecordedEvent): Uint8Array {
  const { id, type, version, at, by, payload } = event;
  const known = knownPayloads.get(payload);
  // RFC 8785 orders members by name: at, by, id, payload, type, v.
  const text =
    known === undefined
      ? canonicalize({ id, type, v: version, at, by, payload })
      : `{"at":${canonicalize(at) ?? ''},"by":${canonicalize(by) ?? ''},"id":${canonicalize(id) ?? ''},"payload":${known},"type":${canonicalize(type) ?? ''},"v":${version}}`;
  const bytes = encoder.encode(text ?? '');
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw new Error(
      `event ${id} (${type}) is ${bytes.length} bytes; entries are limited to ${MAX_ENTRY_BYTES}: store large content by hash`,
    );
  }
  return bytes;
}

/** The event an entry holds; a message when the bytes are not a well-formed entry. */
export function decodeEntry(bytes: Uint8Array): RecordedEvent | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return { error: 'the entry is not UTF-8 JSON' };
  }
  if (typeof value !== 'object' || value === null)
    return { error: 'the entry is not a JSON object' };
  const { id, type, v, at, by, payload } = value as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof type !== 'string' ||
    v !== 1 ||
    typeof at !== 'string' ||
    typeof by !== 'string'
  ) {
    return { error: 'the entry lacks id, type, v, at or by' };
  }
  if (typeof payload !== 'object' || payload === null)
    return { error: 'the entry has no payload object' };
  return { id, type, version: 1, at, by, payload } as RecordedEvent;
}
