/**
 * Agreements as Truce stores them: the document's header, and its parts (versions, status
 * claims, provisions, commitments, zones) each saved and removed by its own event. A version
 * keeps its text's SHA-256 and size; the text itself sits in the content store. A zone keeps
 * its final geometry (repaired, or computed from its buffer).
 */
import type { Geometry } from '../geo/geojson.js';
import type { Commitment, DocumentVersion, Provision, Zone } from './file-schema.js';
import type { IdentifiedClaim } from './status-history.js';

/** A version without its text: the text is stored once, by SHA-256. */
export type StoredVersion = Omit<DocumentVersion, 'text' | 'sha256'> & {
  readonly sha256: string;
  readonly size: number;
};

/** A zone with its geometry always present (computed for buffers). */
export type StoredZone = Omit<Zone, 'geometry'> & { readonly geometry: Geometry };

/** One part of a document, by kind. */
export type DocumentPart =
  | { readonly part: 'version'; readonly body: StoredVersion }
  | { readonly part: 'claim'; readonly body: IdentifiedClaim }
  | { readonly part: 'provision'; readonly body: Provision }
  | { readonly part: 'commitment'; readonly body: Commitment }
  | { readonly part: 'zone'; readonly body: StoredZone }
  /** An actor the file lists (its definition is in the actors table, shared by documents). */
  | { readonly part: 'actor'; readonly body: Record<string, never> };

export type PartKind = DocumentPart['part'];
