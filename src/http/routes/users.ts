/** User administration. */
import type { Services } from '../../services.js';
import { requirePrincipal } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentAddedUser, presentUser } from '../presenters/users.js';
import {
  AddedUser,
  NameParams,
  NewUser,
  UserAnswer,
  UserChange,
  UserList,
} from '../schemas/users.js';

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
          200: UserList,
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
        body: NewUser,
        response: {
          201: AddedUser,
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
      return reply.status(201).send(presentAddedUser(result));
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
        body: UserChange,
        response: {
          200: UserAnswer,
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
