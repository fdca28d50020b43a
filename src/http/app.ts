/**
 * buildApp(services): the Fastify application with every route, OpenAPI, the web app and the
 * one error format. It does not listen; server.ts does. Tests call `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { LogLevel } from '../config.js';
import type { Services } from '../services.js';
import { VERSION } from '../services.js';
import fastifyRateLimit from '@fastify/rate-limit';
import { DomainError } from '../core/errors.js';
import { PUBLIC, registerAccessControl } from './access.js';
import { handleError, sendError } from './error-handler.js';
import { agreementRoutes } from './routes/agreements.js';
import { healthRoutes } from './routes/health.js';
import { instanceRoutes } from './routes/instance.js';
import { evidenceRoutes } from './routes/evidence.js';
import { importRoutes } from './routes/imports.js';
import { incidentRoutes } from './routes/incidents.js';
import { accountabilityRoutes } from './routes/accountability.js';
import { activationRoutes } from './routes/activations.js';
import { alertRoutes } from './routes/alerts.js';
import { streamRoutes } from './routes/stream.js';
import { webhookRoutes } from './routes/webhooks.js';
import { capIntakeRoutes } from './routes/cap-intake.js';
import { recordRoutes } from './routes/record.js';
import { reportRoutes } from './routes/reports.js';
import { recordTileRoutes } from './routes/record-tiles.js';
import { sessionRoutes } from './routes/session.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { ErrorSchema } from './schemas/common.js';
import { Token } from './schemas/tokens.js';
import { User } from './schemas/users.js';
import { validatorCompiler } from './validation.js';
import type { App } from './app-instance.js';

export interface AppOptions {
  readonly logLevel?: LogLevel;
  readonly trustProxy?: false | number | string;
  /** Directory of the built web app; defaults to web/dist of this checkout. */
  readonly webRoot?: string;
  /** A raster tile URL template for the web app's maps; absent: the offline basemap. */
  readonly mapTiles?: string | undefined;
}

/** Largest accepted request body, in bytes (documented in the OpenAPI description). */
export const BODY_LIMIT = 1_048_576;

const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the application. Call `await app.ready()` (or listen) before use. */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    trustProxy: trustProxyOption(options.trustProxy ?? false),
    bodyLimit: BODY_LIMIT,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // A client that trickles a request cannot hold a connection (or a shutdown) for ever.
    requestTimeout: 60_000,
    // Errors Fastify raises before routing (a malformed URL) use the one error format too.
    frameworkErrors: (error, _request, reply) =>
      sendError(reply, 'VALIDATION_FAILED', `the request is malformed: ${error.message}`, [
        { path: 'url', message: error.message },
      ]),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  // During a graceful close, answers to requests already in flight end their keep-alive
  // connections, so the close does not wait for idle clients.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(fastifyCookie);
  registerAccessControl(app, services);
  // Only routes that ask for it (public submissions) are limited.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'RATE_LIMITED',
        `too many submissions from this address; retry after ${context.after}`,
        [],
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
  for (const schema of [User, Token, ErrorSchema]) app.addSchema(schema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Truce API',
        version: VERSION,
        description: [
          'Ceasefire monitoring and written security guarantees.',
          `Errors use one format: {"error": {"code", "message", "details": [{"path", "message"}]}}.`,
          `Request bodies are JSON, at most ${BODY_LIMIT} bytes; unknown fields are rejected.`,
          'Authenticate with the session cookie (POST /api/v1/session) or Authorization: Bearer <API token>.',
        ].join(' '),
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'truce_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json['$id'] ?? `def-${i}`),
    },
  });

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const indexPath = resolve(webRoot, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath) : undefined;

  await app.register(async (publicScope) => {
    markRoutesPublic(publicScope);
    await publicScope.register(fastifySwaggerUi, { routePrefix: '/docs' });
    publicScope.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    if (indexHtml !== undefined) {
      await publicScope.register(fastifyStatic, {
        root: webRoot,
        wildcard: false,
        // An array: with preCompressed, @fastify/static looks for the index only in a list.
        index: ['index.html'],
        // The build writes .br and .gz copies beside each file (web/vite.config.ts); caches
        // must keep the encodings apart.
        preCompressed: true,
        // Only the files themselves get routes; their compressed copies are sent in their place.
        globIgnore: ['**/*.br', '**/*.gz'],
        setHeaders: (response) => response.setHeader('vary', 'accept-encoding'),
      });
    }
  });

  healthRoutes(app, services);
  instanceRoutes(app, services, { mapTiles: options.mapTiles ?? null });
  sessionRoutes(app, services);
  userRoutes(app, services);
  agreementRoutes(app, services);
  reportRoutes(app, services);
  incidentRoutes(app, services);
  accountabilityRoutes(app, services);
  activationRoutes(app, services);
  alertRoutes(app, services);
  streamRoutes(app, services);
  webhookRoutes(app, services);
  await evidenceRoutes(app, services);
  await capIntakeRoutes(app, services);
  await importRoutes(app, services);
  tokenRoutes(app, services);
  recordTileRoutes(app, services);
  recordRoutes(app, services);

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !isApiPath(request.url) &&
      request.headers.accept?.includes('text/html');
    if (isPage && indexHtml !== undefined) {
      // The web app routes by path (/users, /account); those pages are its to show.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(indexHtml);
    }
    return sendError(
      reply,
      'NOT_FOUND',
      `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });

  return app;
}

/** Fastify's form of the proxy setting: a hop count becomes "trust the first N hops". */
function trustProxyOption(setting: false | number | string) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

function isApiPath(url: string): boolean {
  return /^\/(api|record|docs|openapi\.json|healthz|readyz)(\/|$|\?)/.test(url);
}

/** Every route registered in this scope (OpenAPI browser, web assets) is public. */
function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: PUBLIC };
  });
}
