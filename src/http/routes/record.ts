/** JSON conveniences over the record: state, entries, inclusion and consistency proofs. */
import { DomainError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentCheckpoint,
  presentConsistencyProof,
  presentEntry,
  presentInclusionProof,
} from '../presenters/record.js';
import {
  Checkpoint,
  ConsistencyProof,
  ConsistencyQuery,
  EntriesQuery,
  Entry,
  EntryList,
  EventIdParams,
  InclusionProof,
  InclusionQuery,
  IndexParams,
  RecordState,
} from '../schemas/record.js';

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
          200: RecordState,
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
        querystring: EntriesQuery,
        response: {
          200: EntryList,
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
        params: IndexParams,
        response: { 200: Entry, ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND') },
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
        params: EventIdParams,
        response: { 200: Entry, ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND') },
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
        querystring: InclusionQuery,
        response: {
          200: InclusionProof,
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
      return presentInclusionProof(proof);
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
        querystring: ConsistencyQuery,
        response: {
          200: ConsistencyProof,
          ...errorResponses('VALIDATION_FAILED'),
        },
      },
    },
    async (request) => {
      const proof = await services.record.consistencyProof(
        request.query.from,
        await sizeOr(request.query.to),
      );
      return presentConsistencyProof(proof);
    },
  );

  app.post(
    '/api/v1/record/checkpoint',
    {
      config: { access: { verb: 'record.checkpoint' } },
      schema: {
        tags: ['record'],
        summary: 'Sign a checkpoint of the current size now (no-op when the latest covers it)',
        response: { 200: Checkpoint, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async () => {
      await services.record.signCheckpoint();
      const checkpoint = await services.record.checkpoint();
      if (checkpoint === undefined) throw new Error('no checkpoint after signing');
      return presentCheckpoint(checkpoint);
    },
  );
}
