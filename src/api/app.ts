/**
 * The HTTP API (docs: /work/shared/design/api-contract.md): Fastify with the
 * TypeBox type provider, problem+json errors, bearer JWT on /v1, metrics,
 * health, OpenAPI.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerOptions } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { tokenVerifier } from '../auth/tokens';
import type { Config } from '../config';
import type { Db } from '../db/index';
import { PRIVATE_LOGGING } from '../logging';
import type { Api, ApiDeps } from './deps';
import { documentProblems } from './openapi-problems';
import { authPlugin, type AuthActor } from './plugins/auth';
import { metricsPlugin } from './plugins/metrics';
import { clientErrorHandler, handleError, problemsPlugin } from './plugins/problems';
import { storableInputPlugin } from './plugins/storable-input';
import { consoleRoutes, type ConsoleOptions } from './routes/console';
import { churnRoutes } from './routes/churn';
import { complaintRoutes } from './routes/complaints';
import { customerRoutes } from './routes/customers';
import { healthRoutes } from './routes/health';
import { hubRoutes } from './routes/hub';
import { networkRoutes } from './routes/network';
import { inventoryRoutes } from './routes/inventory';
import { orderRoutes } from './routes/orders';
import { policyRoutes } from './routes/policies';
import { reportRoutes } from './routes/reports';
import { taskRoutes } from './routes/tasks';
import { FormValidator, installValidators } from './validation';

export interface BuildAppDeps {
  config: Config;
  db: Db;
  temporal: Client;
  /** false: no logging; true/undefined: pino at config.logLevel; an object: pino options (or a pino logger). */
  logger?: boolean | object;
  /** Where the built web console is (tests may point elsewhere). */
  console?: ConsoleOptions;
}

const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function loggerOptions(config: Config, logger: BuildAppDeps['logger']): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (logger === false) return { logger: false };
  if (logger && typeof logger === 'object' && typeof (logger as { child?: unknown }).child === 'function') {
    return { loggerInstance: logger as NonNullable<FastifyServerOptions['loggerInstance']> };
  }
  const extra = typeof logger === 'object' && logger !== null ? (logger as Record<string, unknown>) : {};
  return {
    logger: {
      level: config.logLevel,
      ...PRIVATE_LOGGING,
      ...extra,
    },
  };
}

/** Longer path segments are refused by the router (404, see problems.ts); anything shorter reaches the route. */
const MAX_PARAM_LENGTH = 1000;

/**
 * Timeouts so a slow or stalled client cannot hold a connection: headers
 * and the whole request must arrive in time (else 408), idle keep-alive
 * connections close. Node checks them every `connectionsCheckingInterval`
 * (30 s by default), too coarse for short timeouts.
 */
function serverTimeouts(config: Config): Pick<FastifyServerOptions, 'requestTimeout' | 'keepAliveTimeout'> & { http: ServerOptions } {
  const checkEveryMs = Math.max(100, Math.min(1000, Math.floor(config.headersTimeoutMs / 4)));
  return {
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: checkEveryMs,
    },
  };
}

export async function buildApp(deps: BuildAppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    ...loggerOptions(config, deps.logger),
    ...serverTimeouts(config),
    bodyLimit: config.bodyLimit,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Errors raised before routing (a bad URL, an overlong id) and by the HTTP parser are problems too.
    frameworkErrors: handleError,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const apiDeps: ApiDeps = { config, db: deps.db, temporal: deps.temporal, forms: new FormValidator() };
  const verifyTokens = tokenVerifier(config);

  installValidators(app);
  problemsPlugin(app);
  storableInputPlugin(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Bodies are JSON only (anything else: 415). An empty body is "no body", so POST /claim with
  // `Content-Type: application/json` and nothing in it is fine; routes that need a body say so.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.decorateRequest('actor', null as unknown as AuthActor);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard API',
        version: '1',
        description:
          'Service orders and complaints of a telecom operator, run as durable workflows. ' +
          'Errors are application/problem+json (RFC 9457). Money is integer fen; times are RFC 3339 UTC.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearerAuth: [] }],
    },
    transformObject: (doc) => ('openapiObject' in doc ? documentProblems(doc.openapiObject) : doc.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  metricsPlugin(app);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await healthRoutes(app as Api, apiDeps);
  await consoleRoutes(app as Api, apiDeps, deps.console);

  await app.register(
    async (v1) => {
      authPlugin(v1, verifyTokens);
      const api = v1.withTypeProvider<TypeBoxTypeProvider>() as Api;
      await customerRoutes(api, apiDeps);
      await orderRoutes(api, apiDeps);
      await taskRoutes(api, apiDeps);
      await policyRoutes(api, apiDeps);
      await hubRoutes(api, apiDeps);
      await networkRoutes(api, apiDeps);
      await inventoryRoutes(api, apiDeps);
      await reportRoutes(api, apiDeps);
      await churnRoutes(api, apiDeps);
      await complaintRoutes(api, apiDeps);
    },
    { prefix: '/v1' },
  );

  return app as unknown as FastifyInstance;
}
