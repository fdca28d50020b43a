/** User administration. */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app.js';
import { presentUser } from '../presenters.js';
import { AUTHENTICATED_ERRORS, errorResponses, UserSchema } from '../schemas.js';

const NameParams = Type.Object({ name: Type.String({ maxLength: 64 }) });
const manage = { access: { verb: 'user.manage' as const } };

export function userRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: 'Every user',
        response: {
          200: Type.Object({ users: Type.Array(UserSchema) }),
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => ({ users: (await services.users.list()).map(presentUser) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: 'Add a user; without a password one is generated and returned once',
        body: Type.Object(
          {
            name: Type.String({ maxLength: 64 }),
            role: Type.String({ maxLength: 32 }),
            actor: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
            password: Type.Optional(Type.String({ maxLength: 256 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ user: UserSchema, password: Type.Optional(Type.String()) }),
          ...errorResponses('VALIDATION_FAILED', 'CONFLICT', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { name, role, actor, password } = request.body;
      const result = await services.users.add(
        { name, role, actor, password },
        requirePrincipal(request),
      );
      const body = { user: presentUser(result.user) };
      return reply
        .status(201)
        .send(
          result.generatedPassword === undefined
            ? body
            : { ...body, password: result.generatedPassword },
        );
    },
  );

  app.patch(
    '/api/v1/users/:name',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: 'Change a user’s role and actor binding, or disable or enable the user',
        params: NameParams,
        body: Type.Object(
          {
            role: Type.Optional(Type.String({ maxLength: 32 })),
            actor: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: {
          200: Type.Object({ user: UserSchema }),
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({
      user: presentUser(
        await services.users.update(request.params.name, request.body, requirePrincipal(request)),
      ),
    }),
  );
}
