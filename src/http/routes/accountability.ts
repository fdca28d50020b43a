/**
 * Accountability API, decisions about incidents: verification steps (one or many incidents),
 * assignment, edit locks, attribution claims, and findings with the trigger engine's answers.
 * Activations and responses are in activations.ts, CAP alerts in alerts.ts.
 */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { MAX_BULK } from '../../services/accountability/index.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, CHANGE_ERRORS, errorResponses } from '../error-responses.js';
import {
  presentAttributionVersion,
  presentBulkResults,
  presentFinding,
  presentFindingRecorded,
  presentIncidentAccountability,
  presentLock,
} from '../presenters/accountability.js';
import {
  AttributionInput,
  AttributionVersion,
  BulkResults,
  Finding,
  FindingInput,
  FindingRecorded,
  IncidentAccountability,
  Lock,
  VerificationFields,
  VerificationInput,
} from '../schemas/accountability.js';
import { IdParams } from '../schemas/common.js';

/** Incidents named by one decision (the service's limit). */
const IncidentIds = Type.Array(Type.String({ maxLength: 64 }), {
  minItems: 1,
  maxItems: MAX_BULK,
});

export function accountabilityRoutes(app: App, services: Services): void {
  const accountability = services.accountability;

  app.post(
    '/api/v1/incidents/:id/verification',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary:
          'Take one step of the verification ladder (four eyes; verified/rejected by verifiers)',
        params: IdParams,
        body: VerificationInput,
        response: { 200: IncidentAccountability, ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request) => {
      await accountability.setVerification(
        request.params.id,
        request.body,
        requirePrincipal(request),
      );
      return presentIncidentAccountability(
        await accountability.incidentAccountability(request.params.id),
      );
    },
  );

  app.post(
    '/api/v1/incidents/verification',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Take the same verification step for many incidents; each is checked and recorded',
        body: Type.Object(
          { incidentIds: IncidentIds, ...VerificationFields },
          { additionalProperties: false },
        ),
        response: {
          200: BulkResults,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      const { incidentIds, ...step } = request.body;
      return presentBulkResults(
        await accountability.setVerificationMany(incidentIds, step, requirePrincipal(request)),
      );
    },
  );

  app.post(
    '/api/v1/incidents/assignments',
    {
      config: { access: { verb: 'incident.assign' } },
      schema: {
        tags: ['accountability'],
        summary: 'Assign incidents to a person (by user name), or to nobody (null)',
        body: Type.Object(
          {
            incidentIds: IncidentIds,
            assignee: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request, reply) => {
      await accountability.assign(
        request.body.incidentIds,
        request.body.assignee,
        requirePrincipal(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/incidents/:id/lock',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Take or renew the edit lock of an incident (15 minutes)',
        params: IdParams,
        response: {
          200: Lock,
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request) =>
      presentLock(await accountability.lock(request.params.id, requirePrincipal(request))),
  );

  app.delete(
    '/api/v1/incidents/:id/lock',
    {
      config: { access: { verb: 'incident.verify' } },
      schema: {
        tags: ['accountability'],
        summary: 'Release the edit lock of an incident',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request, reply) => {
      await accountability.unlock(request.params.id, requirePrincipal(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/incidents/:id/attributions',
    {
      config: { access: { verb: 'incident.attribute' } },
      schema: {
        tags: ['accountability'],
        summary: 'Record a new version of the attribution: an actor with confidence, or declined',
        params: IdParams,
        body: AttributionInput,
        response: {
          201: AttributionVersion,
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const result = await accountability.attribute(
        request.params.id,
        request.body,
        requirePrincipal(request),
      );
      return reply.status(201).send(presentAttributionVersion(result));
    },
  );

  app.get(
    '/api/v1/incidents/:id/accountability',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary:
          'An incident’s verification steps, assignment, lock, attributions, findings and activations',
        params: IdParams,
        response: {
          200: IncidentAccountability,
          ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) =>
      presentIncidentAccountability(await accountability.incidentAccountability(request.params.id)),
  );

  app.post(
    '/api/v1/findings',
    {
      config: { access: { verb: 'finding.record' } },
      schema: {
        tags: ['accountability'],
        summary: 'Qualify an incident against a provision; every commitment is evaluated',
        body: FindingInput,
        response: {
          201: FindingRecorded,
          ...errorResponses(...CHANGE_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const result = await accountability.recordFinding(request.body, requirePrincipal(request));
      return reply.status(201).send(presentFindingRecorded(result));
    },
  );

  app.get(
    '/api/v1/findings/:id',
    {
      config: { access: { verb: 'incident.read' } },
      schema: {
        tags: ['accountability'],
        summary: 'A finding with the trigger engine’s answer for each commitment it could concern',
        params: IdParams,
        response: { 200: Finding, ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => presentFinding(await accountability.finding(request.params.id)),
  );
}
