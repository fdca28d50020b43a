/**
 * The agreements API: actors, documents (versions, status history, diffs, export), commitments
 * with their concreteness scorecards, zones as GeoJSON, and the agreement file JSON Schema.
 * Every change is an import of a whole agreement file, checked like one from the CLI.
 */
import { isRealDate } from '../../core/agreements/dates.js';
import { AgreementFileSchema } from '../../core/agreements/file-schema.js';
import { invalid } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { PUBLIC, requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentActors,
  presentCommitments,
  presentCommitmentView,
  presentDiff,
  presentDocumentView,
  presentImportOutcome,
  presentSummary,
  presentZones,
} from '../presenters/agreements.js';
import {
  ActorList,
  AgreementFileJson,
  AgreementFileText,
  CommitmentList,
  CommitmentParams,
  CommitmentQuery,
  CommitmentSchema,
  CommitmentView,
  Diff,
  DiffQuery,
  DocumentList,
  DocumentView,
  ExportQuery,
  ImportOutcome,
  JsonSchemaDocument,
  StatusClaimSchema,
  VersionParams,
  VersionText,
  ZoneCollection,
  ZoneQuery,
} from '../schemas/agreements.js';
import { IdParams } from '../schemas/common.js';

const read = { access: { verb: 'agreement.read' as const } };
const edit = { access: { verb: 'agreement.edit' as const } };
const READ_ERRORS = errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS);
const EDIT_ERRORS = errorResponses('VALIDATION_FAILED', 'NOT_FOUND', ...AUTHENTICATED_ERRORS);

export function agreementRoutes(app: App, services: Services): void {
  const { agreements } = services;

  app.get(
    '/api/v1/agreements/schema',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['agreements'],
        summary: 'The JSON Schema of agreement files (YAML or JSON)',
        response: { 200: JsonSchemaDocument },
      },
    },
    async () => AgreementFileSchema,
  );

  app.get(
    '/api/v1/actors',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'Every actor',
        response: { 200: ActorList, ...READ_ERRORS },
      },
    },
    async () => presentActors(await agreements.actors()),
  );

  app.get(
    '/api/v1/documents',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'Every document with its current status, contradictions and score range',
        response: {
          200: DocumentList,
          ...READ_ERRORS,
        },
      },
    },
    async () => ({ documents: (await agreements.list()).map(presentSummary) }),
  );

  app.post(
    '/api/v1/documents',
    {
      config: edit,
      schema: {
        tags: ['agreements'],
        summary: 'Import an agreement file (creates the document, or records what changed)',
        body: AgreementFileJson,
        response: { 200: ImportOutcome, 201: ImportOutcome, ...EDIT_ERRORS },
      },
    },
    async (request, reply) => {
      const outcome = await agreements.importValue(request.body, requirePrincipal(request));
      return reply.status(outcome.created ? 201 : 200).send(presentImportOutcome(outcome));
    },
  );

  app.get(
    '/api/v1/documents/:id',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary:
          'A document: parties, status history with contradictions, versions, provisions, scored commitments, zones',
        params: IdParams,
        response: { 200: DocumentView, ...READ_ERRORS },
      },
    },
    async (request) => presentDocumentView(await agreements.get(request.params.id)),
  );

  app.put(
    '/api/v1/documents/:id',
    {
      config: edit,
      schema: {
        tags: ['agreements'],
        summary: 'Replace a document with an agreement file (its document.id must match)',
        params: IdParams,
        body: AgreementFileJson,
        response: { 200: ImportOutcome, 201: ImportOutcome, ...EDIT_ERRORS },
      },
    },
    async (request, reply) => {
      const documentId = (request.body['document'] as { id?: unknown } | undefined)?.id;
      if (documentId !== request.params.id) {
        throw invalid(
          'body/document/id',
          `must be "${request.params.id}" (got ${JSON.stringify(documentId ?? null)})`,
        );
      }
      const outcome = await agreements.importValue(request.body, requirePrincipal(request));
      return reply.status(outcome.created ? 201 : 200).send(presentImportOutcome(outcome));
    },
  );

  app.get(
    '/api/v1/documents/:id/export',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'The document as an agreement file (YAML by default, or ?format=json)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: AgreementFileText, ...READ_ERRORS },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'yaml';
      const text = await agreements.exportText(request.params.id, format);
      return reply
        .type(
          format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
        )
        .header(
          'content-disposition',
          `attachment; filename="${request.params.id}.${format === 'json' ? 'json' : 'yaml'}"`,
        )
        .send(text);
    },
  );

  app.get(
    '/api/v1/documents/:id/versions/:versionId',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'One version’s full text',
        params: VersionParams,
        response: { 200: VersionText, ...READ_ERRORS },
      },
    },
    async (request) => ({
      documentId: request.params.id,
      versionId: request.params.versionId,
      text: await agreements.versionText(request.params.id, request.params.versionId),
    }),
  );

  app.get(
    '/api/v1/documents/:id/diff',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'Word-by-word difference between two versions',
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: Diff, ...READ_ERRORS },
      },
    },
    async (request) =>
      presentDiff(await agreements.diff(request.params.id, request.query.from, request.query.to)),
  );

  app.post(
    '/api/v1/documents/:id/status',
    {
      config: edit,
      schema: {
        tags: ['agreements'],
        summary: 'Add a dated status claim with its source',
        params: IdParams,
        body: StatusClaimSchema,
        response: { 200: ImportOutcome, ...EDIT_ERRORS },
      },
    },
    async (request) =>
      presentImportOutcome(
        await agreements.addStatusClaim(request.params.id, request.body, requirePrincipal(request)),
      ),
  );

  app.get(
    '/api/v1/commitments',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'Commitments with their concreteness scorecards',
        querystring: CommitmentQuery,
        response: { 200: CommitmentList, ...READ_ERRORS },
      },
    },
    async (request) => presentCommitments(await agreements.commitments(request.query)),
  );

  app.get(
    '/api/v1/documents/:id/commitments/:commitmentId',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary: 'One commitment with its scorecard, provision and actors',
        params: CommitmentParams,
        response: { 200: CommitmentView, ...READ_ERRORS },
      },
    },
    async (request) =>
      presentCommitmentView(
        await agreements.commitment(request.params.id, request.params.commitmentId),
      ),
  );

  app.put(
    '/api/v1/documents/:id/commitments/:commitmentId',
    {
      config: edit,
      schema: {
        tags: ['agreements'],
        summary: 'Add or replace one commitment (checked with the whole document)',
        params: CommitmentParams,
        body: CommitmentSchema,
        response: { 200: ImportOutcome, ...EDIT_ERRORS },
      },
    },
    async (request) => {
      if (request.body.id !== request.params.commitmentId) {
        throw invalid(
          'body/id',
          `must be "${request.params.commitmentId}" (got "${request.body.id}")`,
        );
      }
      return presentImportOutcome(
        await agreements.saveCommitment(request.params.id, request.body, requirePrincipal(request)),
      );
    },
  );

  app.delete(
    '/api/v1/documents/:id/commitments/:commitmentId',
    {
      config: edit,
      schema: {
        tags: ['agreements'],
        summary: 'Remove one commitment',
        params: CommitmentParams,
        response: { 200: ImportOutcome, ...EDIT_ERRORS },
      },
    },
    async (request) =>
      presentImportOutcome(
        await agreements.removeCommitment(
          request.params.id,
          request.params.commitmentId,
          requirePrincipal(request),
        ),
      ),
  );

  app.get(
    '/api/v1/zones',
    {
      config: read,
      schema: {
        tags: ['agreements'],
        summary:
          'Zones as GeoJSON, optionally only those of a document, of a kind, or in force at a time',
        querystring: ZoneQuery,
        response: {
          200: ZoneCollection,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const at = request.query.at;
      if (at !== undefined && !isRealDate(at))
        throw invalid('querystring/at', `"${at}" is not a real date`);
      return reply
        .type('application/geo+json')
        .send(presentZones(await agreements.zones(request.query)));
    },
  );
}
