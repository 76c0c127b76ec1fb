/**
 * The web console (console/, built by Vite) at /console, its public
 * configuration, and the development sign-in. None of these needs a token:
 * the console signs in through them.
 */
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { signToken } from '../../auth/tokens';
import { usesDevelopmentSecret } from '../../config';
import { CONSOLE_DIST_DIR, consoleBuilt } from '../console-assets';
import type { Api, ApiDeps } from '../deps';
import { HttpProblem } from '../plugins/problems';
import { ConsoleConfig, DevToken, DevTokenInput } from '../schemas/console';

const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

export interface ConsoleOptions {
  /** The built console (index.html and assets/); default console/dist. */
  distDir?: string;
}

export async function consoleRoutes(app: Api, { config }: ApiDeps, opts: ConsoleOptions = {}): Promise<void> {
  const distDir = opts.distDir ?? CONSOLE_DIST_DIR;

  app.get(
    '/v1/console/config',
    { schema: { tags: ['console'], summary: 'What the web console needs before sign-in', security: [], response: { 200: ConsoleConfig } } },
    async () => ({
      temporalUiUrl: config.temporalUiUrl ?? null,
      temporalNamespace: config.temporalNamespace,
      devSignIn: usesDevelopmentSecret(config),
      caseKinds: app.hasRoute({ method: 'GET', url: '/v1/complaints/:id' }) ? ['order' as const, 'complaint' as const] : ['order' as const],
    }),
  );

  // Only with the development secret; elsewhere the path does not exist (404).
  if (usesDevelopmentSecret(config)) {
    app.post(
      '/v1/dev/token',
      {
        schema: {
          tags: ['console'],
          summary: 'Development only: a staff token for whoever asks (404 unless the server signs with the development secret)',
          security: [],
          body: DevTokenInput,
          response: { 200: DevToken },
        },
      },
      async (request) => {
        const { sub, name, roles, dept } = request.body;
        const expiresAt = Math.floor(Date.now() / 1000) + DEV_TOKEN_TTL_SECONDS;
        const token = await signToken({ sub, roles, ...(name ? { name } : {}), ...(dept ? { dept } : {}) }, config.jwtSecret, expiresAt);
        return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
      },
    );
  }

  if (!consoleBuilt(distDir)) {
    const notBuilt = async () => {
      throw new HttpProblem(404, 'the web console is not built: run `npm run console:build` (npm start builds it when missing)');
    };
    app.get('/console', { schema: { hide: true } }, notBuilt);
    app.get('/console/*', { schema: { hide: true } }, notBuilt);
    return;
  }

  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      schemaHide: true,
      // Hashed file names under assets/ never change; index.html must be fetched anew.
      setHeaders: (reply, file) => {
        const immutable = path.relative(distDir, file).startsWith(`assets${path.sep}`);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes (/console/inbox, /console/orders/ord_…) get the app; missing assets stay 404.
    scope.setNotFoundHandler((request, reply) => {
      const wantsPage = request.method === 'GET' && !request.url.startsWith('/console/assets/');
      if (!wantsPage) throw new HttpProblem(404, `no route ${request.method} ${request.url.split('?')[0]}`);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }, { prefix: '/console' });
}
