/**
 * Shapes of the agreements JSON the Truce server sends under /api/v1: documents, their
 * versions and status claims, commitments with their concreteness scorecards, and zones. The
 * closed word lists come from the server's own vocabulary (types only, nothing is bundled), so a
 * new word there fails the web app's type check until it has a label in strings.ts (its
 * words are in areas/agreements/strings.ts).
 */
import type {
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
import type { Geometry } from '../../../../src/core/geo/geojson.js';

export type {
  ActorKind,
  AppropriationNeed,
  BackingLevel,
  DeadlineBinds,
  DocumentKind,
  DocumentRole,
  DocumentStatus,
  Geometry,
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
};

/** Where a claim or a text comes from. Dates are `YYYY-MM-DD` or ISO date-times with offset. */
export interface Source {
  readonly publisher: string;
  readonly url?: string;
  readonly date?: string;
  readonly statedBy?: string;
}

/** One dated claim about a document's status, with its source. */
export interface StatusClaim {
  readonly id: string;
  readonly status: DocumentStatus;
  readonly date: string;
  readonly source: Source;
  readonly note?: string;
}

/** A score out of 26 with its letter grade. */
export interface ScoreSummary {
  readonly total: number;
  readonly grade: string;
}

/** A document as the list shows it. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string | null;
  readonly kind: DocumentKind;
  readonly legalForm: LegalForm;
  readonly date: string | null;
  /** The latest status claim; null when there is none. */
  readonly status: StatusClaim | null;
  /** How many pairs of status claims contradict each other. */
  readonly contradictions: number;
  readonly commitments: number;
  /** The lowest and highest commitment scores; null without commitments. */
  readonly scores: { readonly lowest: ScoreSummary; readonly highest: ScoreSummary } | null;
  readonly updatedAt: string;
}

/** An actor: a state, an armed group, a coalition, an organisation… */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases?: readonly string[];
  readonly externalIds?: {
    readonly acled?: readonly string[];
    readonly ucdp?: readonly string[];
  };
}

/** The role an actor holds in a document, and where its signature stands. */
export interface DocumentRoleEntry {
  readonly actor: string;
  readonly role: DocumentRole;
  readonly signature?: SignatureStatus;
  readonly signatory?: string;
  readonly date?: string;
}

/** A document's header. */
export interface AgreementDocument {
  readonly id: string;
  readonly title: string;
  readonly shortTitle?: string;
  readonly kind: DocumentKind;
  readonly legalForm: LegalForm;
  /** ISO 639 codes of the authentic texts. */
  readonly languages: readonly string[];
  readonly date?: string;
  readonly place?: string;
  readonly summary?: string;
  readonly roles: readonly DocumentRoleEntry[];
}

/** A version of a document's text (the text itself is fetched separately). */
export interface DocumentVersion {
  readonly id: string;
  readonly kind: VersionKind;
  readonly language: string;
  readonly date?: string;
  readonly title?: string;
  readonly translationOf?: string;
  readonly source?: Source;
  /** Hex SHA-256 of the UTF-8 text. */
  readonly sha256: string;
  /** Bytes of UTF-8 text. */
  readonly size: number;
}

/** An article or paragraph of a document. */
export interface Provision {
  readonly id: string;
  readonly locator: string;
  readonly kind: ProvisionKind;
  readonly text: string;
  readonly version?: string;
}

/** What activates a commitment. */
export interface Trigger {
  readonly eventTypes?: readonly TriggerEventType[];
  readonly actors?: readonly string[];
  readonly zones?: readonly string[];
  readonly area?: string;
  readonly minSeverity?: Severity;
  readonly minVerification?: VerificationLevel;
  readonly determinedBy?: {
    readonly body: string;
    readonly actor?: string;
    readonly vetoHolders?: readonly string[];
    readonly obligorAlone?: boolean;
  };
  readonly mechanism?: string;
}

/** One response a commitment promises. Durations are ISO 8601 (P1D). */
export interface CommitmentResponse {
  readonly kind: ResponseKind;
  readonly description?: string;
  readonly quantity?: { readonly amount: number; readonly unit: string };
  readonly period?: string;
  readonly appropriation?: AppropriationNeed;
}

/** One obligation of one obligor in one document. */
export interface Commitment {
  readonly id: string;
  readonly provision?: string;
  readonly obligor: string;
  readonly beneficiary?: string;
  readonly text: string;
  /** The versions whose text holds the commitment; all when absent. */
  readonly versions?: readonly string[];
  readonly strength: ObligationStrength;
  readonly trigger?: Trigger;
  readonly responses?: readonly CommitmentResponse[];
  readonly deadline?: { readonly duration: string; readonly binds: DeadlineBinds };
  readonly validity?: {
    readonly start?: string;
    readonly end?: string;
    readonly duration?: string;
    readonly untilEvent?: string;
    readonly indefinite?: boolean;
    readonly terminationNotice?: string;
  };
  readonly preconditions?: readonly {
    readonly text: string;
    readonly status: PreconditionStatus;
    readonly source?: Source;
  }[];
  readonly qualifiers?: readonly string[];
  readonly backing?: { readonly level: BackingLevel; readonly description?: string };
  readonly termDivergences?: readonly {
    readonly term: string;
    readonly languages: readonly string[];
    readonly note: string;
  }[];
  readonly openQuestions?: readonly string[];
}

/** A hedge word in a commitment's text; `start`/`end` are UTF-16 offsets into that text. */
export interface Hedge {
  readonly phrase: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  /** The concreteness point it costs. */
  readonly point: number;
  readonly message: string;
}

/** One point of the concreteness checklist. */
export interface PointScore {
  readonly point: number;
  readonly key: string;
  readonly title: string;
  readonly score: 0 | 1 | 2;
  readonly reason: string;
  readonly hedges: readonly Hedge[];
  /** What would raise the score; null at 2. */
  readonly raise: string | null;
}

/** The 13-point concreteness scorecard of a commitment. */
export interface Scorecard {
  readonly total: number;
  readonly max: number;
  readonly grade: string;
  readonly points: readonly PointScore[];
}

/** A commitment with its scorecard. */
export interface ScoredCommitment {
  readonly documentId: string;
  readonly commitment: Commitment;
  readonly scorecard: Scorecard;
}

/** The fields a zone has besides its geometry. */
export interface ZoneFields {
  readonly id: string;
  readonly kind: ZoneKind;
  readonly name: string;
  readonly description?: string;
  readonly approximate?: boolean;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly source?: Source;
  readonly buffer?: { readonly of: string; readonly distanceKm: number };
}

/** A zone as a document page lists it: its geometry's type and bounds `[w, s, e, n]`. */
export interface ZoneSummary extends ZoneFields {
  readonly geometryType: string;
  readonly bounds: readonly number[];
}

/** Everything about one document. */
export interface DocumentView {
  readonly document: AgreementDocument;
  readonly updatedAt: string;
  readonly status: StatusClaim | null;
  readonly actors: readonly Actor[];
  readonly versions: readonly DocumentVersion[];
  readonly statusHistory: readonly StatusClaim[];
  /** Pairs of claims (by claim id) that contradict each other, with the reason. */
  readonly contradictions: readonly {
    readonly earlier: string;
    readonly later: string;
    readonly reason: string;
  }[];
  readonly provisions: readonly Provision[];
  readonly commitments: readonly ScoredCommitment[];
  readonly zones: readonly ZoneSummary[];
}

/** One version's full text. */
export interface VersionText {
  readonly documentId: string;
  readonly versionId: string;
  readonly text: string;
}

/** One run of a word diff: unchanged, inserted in `to`, or deleted from `from`. */
export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** The word-by-word difference between two versions. */
export interface VersionDiff {
  readonly from: DocumentVersion;
  readonly to: DocumentVersion;
  readonly parts: readonly DiffPart[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
}

/** One commitment with its document's title, its provision and the document's actors. */
export interface CommitmentView {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly commitment: Commitment;
  readonly scorecard: Scorecard;
  readonly provision: Provision | null;
  readonly actors: readonly Actor[];
}

/** The properties of a zone feature: the zone's fields and its document. */
export interface ZoneProperties extends ZoneFields {
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
