/** TypeBox schemas of the agreements API: documents, commitments with scorecards, zones. */
import { Type, type TSchema } from 'typebox';
import {
  ActorSchema,
  CommitmentSchema,
  DocumentSchema,
  ProvisionSchema,
  StatusClaimSchema,
  VersionSchema,
  ZoneSchema,
} from '../core/agreements/file-schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ActorsResponse = Type.Object({ actors: Type.Array(ActorSchema) });

const HedgeSchema = Type.Object({
  phrase: Type.String(),
  kind: Type.String(),
  start: Type.Integer({ description: 'offset of the first character in the commitment text' }),
  end: Type.Integer({ description: 'offset after the last character' }),
  point: Type.Integer(),
  message: Type.String(),
});

export const ScorecardSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0, maximum: 26 }),
    max: Type.Literal(26),
    grade: Type.String({ enum: ['A', 'B', 'C', 'D', 'E'] }),
    points: Type.Array(
      Type.Object({
        point: Type.Integer({ minimum: 1, maximum: 13 }),
        key: Type.String(),
        title: Type.String(),
        score: Type.Integer({ minimum: 0, maximum: 2 }),
        reason: Type.String(),
        hedges: Type.Array(HedgeSchema),
        raise: Nullable(Type.String()),
      }),
    ),
  },
  { description: 'the 13-point concreteness checklist of DOMAIN.md, 0-2 each' },
);

export const StoredVersionSchema = Type.Object({
  ...Type.Omit(VersionSchema, ['text', 'sha256']).properties,
  sha256: Type.String({ description: 'SHA-256 of the UTF-8 text' }),
  size: Type.Integer({ description: 'bytes of UTF-8 text' }),
});

const ClaimSchema = Type.Object({
  ...StatusClaimSchema.properties,
  id: Type.String(),
});

const ScoreSummary = Type.Object({ total: Type.Integer(), grade: Type.String() });

export const DocumentSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortTitle: Nullable(Type.String()),
  kind: Type.String(),
  legalForm: Type.String(),
  date: Nullable(Type.String()),
  status: Nullable(ClaimSchema),
  contradictions: Type.Integer(),
  commitments: Type.Integer(),
  scores: Nullable(Type.Object({ lowest: ScoreSummary, highest: ScoreSummary })),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ScoredCommitmentSchema = Type.Object({
  documentId: Type.String(),
  commitment: CommitmentSchema,
  scorecard: ScorecardSchema,
});

const ZoneSummarySchema = Type.Object({
  ...Type.Omit(ZoneSchema, ['geometry']).properties,
  geometryType: Type.String(),
  bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
});

export const DocumentViewSchema = Type.Object({
  document: DocumentSchema,
  updatedAt: Type.String({ format: 'date-time' }),
  status: Nullable(ClaimSchema),
  actors: Type.Array(ActorSchema),
  versions: Type.Array(StoredVersionSchema),
  statusHistory: Type.Array(ClaimSchema),
  contradictions: Type.Array(
    Type.Object({ earlier: Type.String(), later: Type.String(), reason: Type.String() }),
  ),
  provisions: Type.Array(ProvisionSchema),
  commitments: Type.Array(ScoredCommitmentSchema),
  zones: Type.Array(ZoneSummarySchema),
});

export const CommitmentViewSchema = Type.Object({
  documentId: Type.String(),
  documentTitle: Type.String(),
  commitment: CommitmentSchema,
  scorecard: ScorecardSchema,
  provision: Nullable(ProvisionSchema),
  actors: Type.Array(ActorSchema),
});

export const ImportOutcomeSchema = Type.Object({
  documentId: Type.String(),
  created: Type.Boolean(),
  recorded: Type.Integer({ description: 'events recorded; 0 when nothing changed' }),
  saved: Type.Integer({ description: 'parts recorded as new or changed' }),
  removed: Type.Integer({ description: 'parts recorded as removed' }),
  warnings: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
});

export const DiffSchema = Type.Object({
  from: StoredVersionSchema,
  to: StoredVersionSchema,
  parts: Type.Array(
    Type.Object({ op: Type.String({ enum: ['equal', 'insert', 'delete'] }), text: Type.String() }),
  ),
  wordsInserted: Type.Integer(),
  wordsDeleted: Type.Integer(),
});

export const FeatureCollectionSchema = Type.Object(
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

export { ActorSchema, CommitmentSchema, StatusClaimSchema };
