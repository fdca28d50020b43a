/**
 * Authentication and authorisation for every route. Each route declares `config.access`: a
 * permission verb, or `public`. Requests are authenticated by `Authorization: Bearer <token>` or
 * the session cookie, then checked against the verb, before the body is even parsed. A route
 * that declares nothing is refused (fail closed), and buildApp refuses to start with one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Verb } from '../core/auth/permissions.js';
import { principalCan, type Principal } from '../core/auth/principal.js';
import type { IssuedSession } from '../services/auth-service.js';
import type { Services } from '../services.js';
import { sendError } from './error-handler.js';

/** What a route requires. */
export type Access = { readonly verb: Verb } | { readonly public: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** When the session used for this request expires (null for token or public requests). */
    sessionExpiresAt: string | null;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'truce_session';

/** Marks a route public. */
export const PUBLIC: Access = { public: true };

/** Registers the authentication hook and the start-up check that every route declares access. */
export function registerAccessControl(app: FastifyInstance, services: Services): void {
  const routes: RouteOptions[] = [];
  registeredRoutes.set(app, routes);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpiresAt', null);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes
      .filter((r) => r.config?.access === undefined)
      .map((r) => `${String(r.method)} ${r.url}`);
    if (undeclared.length > 0) {
      throw new Error(`routes without an access declaration: ${undeclared.join(', ')}`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined)
      return sendError(reply, 'FORBIDDEN', 'this route declares no permission');
    if ('public' in access) return;
    const principal = await authenticate(request, reply, services);
    if (principal === undefined) {
      return sendError(
        reply,
        'UNAUTHENTICATED',
        'sign in or send an API token (Authorization: Bearer ...)',
      );
    }
    if (!principalCan(principal, access.verb)) {
      return sendError(reply, 'FORBIDDEN', `your role lacks the permission "${access.verb}"`);
    }
    request.principal = principal;
  });
}

const registeredRoutes = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route registered on the app, with its access declaration (for tests and audits). */
export function listRoutes(app: FastifyInstance): readonly RouteOptions[] {
  return registeredRoutes.get(app) ?? [];
}

/** The signed-in principal of a request that passed access control. */
export function requirePrincipal(request: FastifyRequest): Principal & { kind: 'user' } {
  const principal = request.principal;
  if (principal === null || principal.kind !== 'user')
    throw new Error('route reached without a principal');
  return principal;
}

/** Sets the session cookie. Secure whenever the request came over TLS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: IssuedSession,
) {
  reply.setCookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] === undefined ? undefined : services.auth.authenticateToken(match[1]);
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return undefined;
  const result = await services.auth.authenticateSession(sessionId);
  if (result === undefined) {
    clearSessionCookie(request, reply);
    return undefined;
  }
  if (result.renewed !== undefined) setSessionCookie(request, reply, result.renewed);
  request.sessionExpiresAt = result.expiresAt;
  return result.principal;
}
