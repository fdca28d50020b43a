/** Sign in, who am I, sign out, change one's own password. */
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import {
  clearSessionCookie,
  PUBLIC,
  requirePrincipal,
  SESSION_COOKIE,
  setSessionCookie,
} from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentSession } from '../presenters/session.js';
import { Credentials, PasswordChange, Session } from '../schemas/session.js';

export function sessionRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/session',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['session'],
        summary: 'Sign in with a user name and password; sets the session cookie',
        description:
          'Failed attempts are limited per account and per client address; over the limit the answer is 429 with Retry-After.',
        body: Credentials,
        response: {
          200: Session,
          ...errorResponses('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'RATE_LIMITED'),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const { user, session } = await services.auth.login(username, password, request.ip);
      const old = request.cookies[SESSION_COOKIE];
      if (old !== undefined) await services.auth.logout(old);
      setSessionCookie(request, reply, session);
      return presentSession(user, session.expiresAt);
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { access: { verb: 'account.use' } },
      schema: {
        tags: ['session'],
        summary: 'The signed-in user, their role’s verbs and the session expiry',
        response: { 200: Session, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => presentSession(requirePrincipal(request).user, request.sessionExpiresAt),
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: { verb: 'account.use' } },
      schema: {
        tags: ['session'],
        summary: 'Sign out: ends the session and clears the cookie',
        response: { 204: Type.Null(), ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId !== undefined) await services.auth.logout(sessionId);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/account/password',
    {
      config: { access: { verb: 'account.use' } },
      schema: {
        tags: ['session'],
        summary: 'Change one’s own password; every session of the user ends',
        description:
          'Needs a browser session (not an API token); wrong current passwords count towards the sign-in limit.',
        body: PasswordChange,
        response: {
          204: Type.Null(),
          ...errorResponses('VALIDATION_FAILED', 'RATE_LIMITED', ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await services.auth.changeOwnPassword(
        requirePrincipal(request),
        currentPassword,
        newPassword,
        request.ip,
      );
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );
}
