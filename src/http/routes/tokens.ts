/** One's own API tokens. */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { MAX_TOKEN_DAYS } from '../../services/tokens-service.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentCreatedToken, presentToken } from '../presenters/tokens.js';
import { CreatedToken, TokenList } from '../schemas/tokens.js';
import { IdParams } from '../schemas/common.js';

const own = { access: { verb: 'account.use' as const } };

export function tokenRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/tokens',
    {
      config: own,
      schema: {
        tags: ['tokens'],
        summary: 'The signed-in user’s API tokens',
        response: {
          200: TokenList,
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({
      tokens: (await services.tokens.listFor(requirePrincipal(request).user)).map(presentToken),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: own,
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for oneself; the secret is returned once and never again',
        body: Type.Object(
          {
            label: Type.String({ minLength: 1, maxLength: 100 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TOKEN_DAYS })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: CreatedToken,
          ...errorResponses('VALIDATION_FAILED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await services.tokens.create(
        {
          userName: principal.user.name,
          label: request.body.label,
          expiresInDays: request.body.expiresInDays,
        },
        principal,
      );
      return reply.status(201).send(presentCreatedToken(created));
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: own,
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token (one’s own; admins may revoke any)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses('NOT_FOUND', ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request, reply) => {
      await services.tokens.revoke(request.params.id, requirePrincipal(request));
      return reply.status(204).send(null);
    },
  );
}
