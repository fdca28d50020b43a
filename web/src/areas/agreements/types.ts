/**
 * Shapes of the agreements JSON the Truce server sends under /api/v1: documents, their
 * versions and status claims, commitments with their concreteness scorecards, and zones, as the
 * server's schemas (src/http/schemas/agreements.ts) and the agreement file's core schema write
 * them once. The closed word lists come from the server's own vocabulary. Types only, nothing is
 * bundled; a new word there fails the web app's type check until it has a label in strings.ts
 * (its words are in areas/agreements/strings.ts).
 */
import type { Zone } from '../../../../src/core/agreements/file-schema.js';
import type { Geometry } from '../../../../src/core/geo/geojson.js';

export type { Geometry };
export type {
  ActorKind,
  AppropriationNeed,
  BackingLevel,
  DeadlineBinds,
  DocumentKind,
  DocumentRole,
  DocumentStatus,
  LegalForm,
  ObligationStrength,
  PreconditionStatus,
  ProvisionKind,
  ResponseKind,
  Severity,
  SignatureStatus,
  TriggerEventType,
  VerificationLevel,
  VersionKind,
  ZoneKind,
} from '../../../../src/core/agreements/vocabulary.js';

export type {
  AgreementDocument,
  CommitmentResponse,
  DocumentRoleEntry,
  Provision,
  Source,
  Trigger,
} from '../../../../src/core/agreements/file-schema.js';
export type {
  Actor,
  Claim,
  Commitment,
  CommitmentView,
  Diff,
  DiffPart,
  DocumentList,
  DocumentSummary,
  DocumentView,
  Hedge,
  PointScore,
  ScoredCommitment,
  Scorecard,
  StoredVersion,
  VersionText,
  ZoneSummary,
} from '../../../../src/http/schemas/agreements.js';

// The server leaves zones as GeoJSON open (src/http/schemas/agreements.ts ZoneCollection):
// the shapes below are what it puts there, a zone of the agreement file without its geometry.

/** The fields a zone has besides its geometry. */
export type ZoneFields = Omit<Zone, 'geometry'>;

/** The properties of a zone feature: the zone's fields and its document. */
interface ZoneProperties extends ZoneFields {
  readonly documentId: string;
  readonly approximate: boolean;
}

/** A zone as a GeoJSON feature; `id` is `<document>/<zone>`. */
export interface ZoneFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: Geometry;
  readonly properties: ZoneProperties;
}

/** Zones as a GeoJSON FeatureCollection (RFC 7946: longitude first). */
export interface ZoneCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly ZoneFeature[];
}
