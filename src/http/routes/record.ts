/** JSON conveniences over the record: state, entries, inclusion and consistency proofs. */
import { Type } from 'typebox';
import { DomainError } from '../../core/errors.js';
import { hashLeaf, toBase64 } from '../../core/record/hash.js';
import type { RecordEntry } from '../../services/record-service.js';
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';

const Base64 = Type.String({ description: 'standard base64' });
const Index = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

const CheckpointSchema = Type.Object({
  size: Type.Integer(),
  root: Base64,
  note: Type.String({ description: 'the signed note, as served at /record/checkpoint' }),
  signedAt: Type.String({ format: 'date-time' }),
});

const EntrySchema = Type.Object({
  index: Type.Integer(),
  eventId: Type.String(),
  type: Type.String(),
  at: Type.String(),
  by: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  entry: Type.String({ description: 'base64 of the exact canonical bytes that were hashed' }),
  leafHash: Base64,
});

const presentEntry = (entry: RecordEntry) => ({
  index: entry.index,
  eventId: entry.eventId,
  type: entry.type,
  at: entry.event.at,
  by: entry.event.by,
  payload: entry.event.payload as Record<string, unknown>,
  entry: toBase64(entry.bytes),
  leafHash: toBase64(hashLeaf(entry.bytes)),
});

export function recordRoutes(app: App, services: Services): void {
  /** Size for a proof: as asked, else the latest checkpoint's, else the current size. */
  const sizeOr = async (size: number | undefined) =>
    size ?? (await services.record.checkpoint())?.size ?? (await services.record.size());

  app.get(
    '/api/v1/record',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'The record: origin, size, verifier key and latest checkpoint',
        response: {
          200: Type.Object({
            origin: Type.String(),
            size: Type.Integer(),
            key: Type.String({ description: 'verifier key, name+id+base64' }),
            checkpoint: Type.Union([CheckpointSchema, Type.Null()]),
          }),
        },
      },
    },
    async () => ({
      origin: services.record.origin,
      size: await services.record.size(),
      key: services.record.verifierKey,
      checkpoint: (await services.record.checkpoint()) ?? null,
    }),
  );

  app.get(
    '/api/v1/record/entries',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'Entries in index order, decoded, with the bytes that were hashed',
        querystring: Type.Object(
          {
            from: Type.Optional(Index),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ entries: Type.Array(EntrySchema) }),
          ...errorResponses('VALIDATION_FAILED'),
        },
      },
    },
    async (request) => ({
      entries: (
        await services.record.entries(request.query.from ?? 0, request.query.limit ?? 50)
      ).map(presentEntry),
    }),
  );

  app.get(
    '/api/v1/record/entries/:index',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'One entry, decoded',
        params: Type.Object({ index: Index }),
        response: { 200: EntrySchema, ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const [entry] = await services.record.entries(request.params.index, 1);
      if (entry === undefined) {
        throw new DomainError('NOT_FOUND', `no entry ${request.params.index} in the record`, [
          { path: 'params/index', message: 'beyond the record' },
        ]);
      }
      return presentEntry(entry);
    },
  );

  app.get(
    '/api/v1/record/events/:eventId',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'The entry of an event, by the event id a decision names, decoded',
        params: Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: EntrySchema, ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const { eventId } = request.params;
      const index = await services.record.indexOfEvent(eventId).catch((error: unknown) => {
        if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error;
        throw new DomainError('NOT_FOUND', error.message, [
          { path: 'params/eventId', message: 'not in the record' },
        ]);
      });
      const [entry] = await services.record.entries(index, 1);
      if (entry === undefined) {
        throw new DomainError('NOT_FOUND', `no entry ${index} in the record`, [
          { path: 'params/eventId', message: 'not in the record' },
        ]);
      }
      return presentEntry(entry);
    },
  );

  app.get(
    '/api/v1/record/proof/inclusion',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'Inclusion proof of an entry (by index or event id) in the tree of a size',
        description: 'Without size, the latest checkpoint’s size is used.',
        querystring: Type.Object(
          {
            index: Type.Optional(Index),
            event: Type.Optional(Type.String({ maxLength: 100 })),
            size: Type.Optional(Index),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            index: Type.Integer(),
            size: Type.Integer(),
            leafHash: Base64,
            proof: Type.Array(Base64),
            root: Base64,
          }),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND'),
        },
      },
    },
    async (request) => {
      const { index, event, size } = request.query;
      if ((index === undefined) === (event === undefined)) {
        throw new DomainError('VALIDATION_FAILED', 'give exactly one of index or event', [
          { path: 'querystring/index', message: 'give exactly one of index or event' },
        ]);
      }
      const at = index ?? (await services.record.indexOfEvent(event ?? ''));
      const proof = await services.record.inclusionProof(at, await sizeOr(size));
      return {
        ...proof,
        leafHash: toBase64(proof.leafHash),
        proof: proof.proof.map(toBase64),
        root: toBase64(proof.root),
      };
    },
  );

  app.get(
    '/api/v1/record/proof/consistency',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['record'],
        summary: 'Consistency proof between two tree sizes',
        description: 'Without to, the latest checkpoint’s size is used.',
        querystring: Type.Object(
          { from: Index, to: Type.Optional(Index) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            proof: Type.Array(Base64),
            root1: Base64,
            root2: Base64,
          }),
          ...errorResponses('VALIDATION_FAILED'),
        },
      },
    },
    async (request) => {
      const proof = await services.record.consistencyProof(
        request.query.from,
        await sizeOr(request.query.to),
      );
      return {
        ...proof,
        proof: proof.proof.map(toBase64),
        root1: toBase64(proof.root1),
        root2: toBase64(proof.root2),
      };
    },
  );

  app.post(
    '/api/v1/record/checkpoint',
    {
      config: { access: { verb: 'record.checkpoint' } },
      schema: {
        tags: ['record'],
        summary: 'Sign a checkpoint of the current size now (no-op when the latest covers it)',
        response: { 200: CheckpointSchema, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async () => {
      await services.record.signCheckpoint();
      const checkpoint = await services.record.checkpoint();
      if (checkpoint === undefined) throw new Error('no checkpoint after signing');
      return checkpoint;
    },
  );
}
