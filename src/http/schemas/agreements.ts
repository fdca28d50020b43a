/** TypeBox schemas of the agreements API: documents, commitments with scorecards, zones. */
import { Type, type Static } from 'typebox';
import {
  ActorSchema,
  CommitmentSchema,
  DATE_PATTERN,
  DocumentSchema,
  ProvisionSchema,
  StatusClaimSchema,
  VersionSchema,
  ZoneSchema,
} from '../../core/agreements/file-schema.js';
import { DOCUMENT_KINDS, LEGAL_FORMS } from '../../core/agreements/vocabulary.js';
import { Enum, Nullable, Problem, Timestamp } from './common.js';

// The parts of an agreement file are shaped once, in the core's file schema.
export { ActorSchema, CommitmentSchema, StatusClaimSchema };
export type { Actor, Commitment } from '../../core/agreements/file-schema.js';

export const ActorList = Type.Object({ actors: Type.Array(ActorSchema) });
export type ActorList = Static<typeof ActorList>;

/** A hedge word found in a commitment's text, and the point it costs. */
export const Hedge = Type.Object({
  phrase: Type.String(),
  kind: Type.String(),
  start: Type.Integer({ description: 'offset of the first character in the commitment text' }),
  end: Type.Integer({ description: 'offset after the last character' }),
  point: Type.Integer(),
  message: Type.String(),
});
export type Hedge = Static<typeof Hedge>;

/** One point of the checklist: its score, why, and how to raise it. */
export const PointScore = Type.Object({
  point: Type.Integer({ minimum: 1, maximum: 13 }),
  key: Type.String(),
  title: Type.String(),
  score: Type.Unsafe<0 | 1 | 2>(Type.Integer({ minimum: 0, maximum: 2 })),
  reason: Type.String(),
  hedges: Type.Array(Hedge),
  raise: Nullable(Type.String()),
});
export type PointScore = Static<typeof PointScore>;

export const Scorecard = Type.Object(
  {
    total: Type.Integer({ minimum: 0, maximum: 26 }),
    max: Type.Literal(26),
    grade: Type.String({ enum: ['A', 'B', 'C', 'D', 'E'] }),
    points: Type.Array(PointScore),
  },
  { description: 'the 13-point concreteness checklist of DOMAIN.md, 0-2 each' },
);
export type Scorecard = Static<typeof Scorecard>;

export const StoredVersion = Type.Object({
  ...Type.Omit(VersionSchema, ['text', 'sha256']).properties,
  sha256: Type.String({ description: 'SHA-256 of the UTF-8 text' }),
  size: Type.Integer({ description: 'bytes of UTF-8 text' }),
});
export type StoredVersion = Static<typeof StoredVersion>;

/** A status claim with its id. */
export const Claim = Type.Object({
  ...StatusClaimSchema.properties,
  id: Type.String(),
});
export type Claim = Static<typeof Claim>;

export const ScoreSummary = Type.Object({ total: Type.Integer(), grade: Type.String() });
export type ScoreSummary = Static<typeof ScoreSummary>;

export const DocumentSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortTitle: Nullable(Type.String()),
  kind: Enum(DOCUMENT_KINDS),
  legalForm: Enum(LEGAL_FORMS),
  date: Nullable(Type.String()),
  status: Nullable(Claim),
  contradictions: Type.Integer(),
  commitments: Type.Integer(),
  scores: Nullable(Type.Object({ lowest: ScoreSummary, highest: ScoreSummary })),
  updatedAt: Timestamp,
});
export type DocumentSummary = Static<typeof DocumentSummary>;

export const DocumentList = Type.Object({ documents: Type.Array(DocumentSummary) });
export type DocumentList = Static<typeof DocumentList>;

export const ScoredCommitment = Type.Object({
  documentId: Type.String(),
  commitment: CommitmentSchema,
  scorecard: Scorecard,
});
export type ScoredCommitment = Static<typeof ScoredCommitment>;

export const CommitmentList = Type.Object({ commitments: Type.Array(ScoredCommitment) });
export type CommitmentList = Static<typeof CommitmentList>;

/** A zone without its geometry: the geometry's type and bounds instead. */
export const ZoneSummary = Type.Object({
  ...Type.Omit(ZoneSchema, ['geometry']).properties,
  geometryType: Type.String(),
  bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
});
export type ZoneSummary = Static<typeof ZoneSummary>;

export const DocumentView = Type.Object({
  document: DocumentSchema,
  updatedAt: Timestamp,
  status: Nullable(Claim),
  actors: Type.Array(ActorSchema),
  versions: Type.Array(StoredVersion),
  statusHistory: Type.Array(Claim),
  contradictions: Type.Array(
    Type.Object({ earlier: Type.String(), later: Type.String(), reason: Type.String() }),
  ),
  provisions: Type.Array(ProvisionSchema),
  commitments: Type.Array(ScoredCommitment),
  zones: Type.Array(ZoneSummary),
});
export type DocumentView = Static<typeof DocumentView>;

export const CommitmentView = Type.Object({
  documentId: Type.String(),
  documentTitle: Type.String(),
  commitment: CommitmentSchema,
  scorecard: Scorecard,
  provision: Nullable(ProvisionSchema),
  actors: Type.Array(ActorSchema),
});
export type CommitmentView = Static<typeof CommitmentView>;

/** What an import of an agreement file (or one of its parts) recorded. */
export const ImportOutcome = Type.Object({
  documentId: Type.String(),
  created: Type.Boolean(),
  recorded: Type.Integer({ description: 'events recorded; 0 when nothing changed' }),
  saved: Type.Integer({ description: 'parts recorded as new or changed' }),
  removed: Type.Integer({ description: 'parts recorded as removed' }),
  warnings: Type.Array(Problem),
});
export type ImportOutcome = Static<typeof ImportOutcome>;

/** A run of words kept, inserted or deleted. */
export const DiffPart = Type.Object({
  op: Enum(['equal', 'insert', 'delete'] as const),
  text: Type.String(),
});
export type DiffPart = Static<typeof DiffPart>;

export const Diff = Type.Object({
  from: StoredVersion,
  to: StoredVersion,
  parts: Type.Array(DiffPart),
  wordsInserted: Type.Integer(),
  wordsDeleted: Type.Integer(),
});
export type Diff = Static<typeof Diff>;

/** Zones as GeoJSON features; ids are `<document>/<zone>`. */
export const ZoneCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        geometry: Type.Unsafe({ type: 'object', additionalProperties: true }),
        properties: Type.Unsafe({ type: 'object', additionalProperties: true }),
      }),
    ),
  },
  { description: 'GeoJSON (RFC 7946)' },
);
export type ZoneCollection = Static<typeof ZoneCollection>;

/** A JSON Schema document (the agreement file format's). */
export const JsonSchemaDocument = Type.Unsafe<object>({
  type: 'object',
  additionalProperties: true,
});

export const CommitmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  commitmentId: Type.String({ maxLength: 64 }),
});
export type CommitmentParams = Static<typeof CommitmentParams>;

export const VersionParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  versionId: Type.String({ maxLength: 64 }),
});
export type VersionParams = Static<typeof VersionParams>;

/** An agreement file as JSON, checked by the import rather than by the route. */
export const AgreementFileJson = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  description: 'an agreement file as JSON (see GET /api/v1/agreements/schema)',
});
export type AgreementFileJson = Static<typeof AgreementFileJson>;

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Unsafe<'yaml' | 'json'>(Type.String({ enum: ['yaml', 'json'] }))),
});
export type ExportQuery = Static<typeof ExportQuery>;

/** An agreement file as YAML or JSON text. */
export const AgreementFileText = Type.String();

export const VersionText = Type.Object({
  documentId: Type.String(),
  versionId: Type.String(),
  text: Type.String(),
});
export type VersionText = Static<typeof VersionText>;

export const DiffQuery = Type.Object({
  from: Type.String({ maxLength: 64 }),
  to: Type.String({ maxLength: 64 }),
});
export type DiffQuery = Static<typeof DiffQuery>;

export const CommitmentQuery = Type.Object({
  document: Type.Optional(Type.String({ maxLength: 64 })),
  obligor: Type.Optional(Type.String({ maxLength: 64 })),
  beneficiary: Type.Optional(Type.String({ maxLength: 64 })),
});
export type CommitmentQuery = Static<typeof CommitmentQuery>;

export const ZoneQuery = Type.Object({
  document: Type.Optional(Type.String({ maxLength: 64 })),
  kind: Type.Optional(Type.String({ maxLength: 32 })),
  at: Type.Optional(
    Type.String({
      pattern: DATE_PATTERN,
      description: 'date (2015-02-17) or date-time with offset',
    }),
  ),
});
export type ZoneQuery = Static<typeof ZoneQuery>;
