/** The record's JSON API: its state, decoded entries, inclusion and consistency proofs. */
import { Type, type Static } from 'typebox';

const Base64 = Type.String({ description: 'standard base64' });
/** A position in the record. */
export const Index = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const Checkpoint = Type.Object({
  size: Type.Integer(),
  root: Base64,
  note: Type.String({ description: 'the signed note, as served at /record/checkpoint' }),
  signedAt: Type.String({ format: 'date-time' }),
});
export type Checkpoint = Static<typeof Checkpoint>;

export const RecordState = Type.Object({
  origin: Type.String(),
  size: Type.Integer(),
  key: Type.String({ description: 'verifier key, name+id+base64' }),
  checkpoint: Type.Union([Checkpoint, Type.Null()]),
});
export type RecordState = Static<typeof RecordState>;

/** An entry decoded, with the bytes that were hashed. */
export const Entry = Type.Object({
  index: Type.Integer(),
  eventId: Type.String(),
  type: Type.String(),
  at: Type.String(),
  by: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  entry: Type.String({ description: 'base64 of the exact canonical bytes that were hashed' }),
  leafHash: Base64,
});
export type Entry = Static<typeof Entry>;

export const EntryList = Type.Object({ entries: Type.Array(Entry) });
export type EntryList = Static<typeof EntryList>;

export const EntriesQuery = Type.Object(
  {
    from: Type.Optional(Index),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type EntriesQuery = Static<typeof EntriesQuery>;

export const IndexParams = Type.Object({ index: Index });
export type IndexParams = Static<typeof IndexParams>;

export const EventIdParams = Type.Object({
  eventId: Type.String({ minLength: 1, maxLength: 100 }),
});
export type EventIdParams = Static<typeof EventIdParams>;

export const InclusionQuery = Type.Object(
  {
    index: Type.Optional(Index),
    event: Type.Optional(Type.String({ maxLength: 100 })),
    size: Type.Optional(Index),
  },
  { additionalProperties: false },
);
export type InclusionQuery = Static<typeof InclusionQuery>;

export const InclusionProof = Type.Object({
  index: Type.Integer(),
  size: Type.Integer(),
  leafHash: Base64,
  proof: Type.Array(Base64),
  root: Base64,
});
export type InclusionProof = Static<typeof InclusionProof>;

export const ConsistencyQuery = Type.Object(
  { from: Index, to: Type.Optional(Index) },
  { additionalProperties: false },
);
export type ConsistencyQuery = Static<typeof ConsistencyQuery>;

export const ConsistencyProof = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  proof: Type.Array(Base64),
  root1: Base64,
  root2: Base64,
});
export type ConsistencyProof = Static<typeof ConsistencyProof>;
