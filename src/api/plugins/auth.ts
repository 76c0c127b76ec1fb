/**
 * Bearer JWT authentication for every /v1 route (`request.actor`) and
 * role checks (`requireRoles`, 403).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError, type TokenVerifier } from '../../auth/tokens';
import { hasAnyRole, type Actor, type Role } from '../../domain/roles';
import { HttpProblem } from './problems';

/** The authenticated caller. */
export interface AuthActor extends Actor {
  dept?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: AuthActor;
  }
}

function unauthorized(detail: string, error?: 'invalid_token'): HttpProblem {
  const challenge = error ? `Bearer realm="switchboard", error="${error}"` : 'Bearer realm="switchboard"';
  return new HttpProblem(401, detail, { headers: { 'www-authenticate': challenge } });
}

/** The `onRequest` hook that authenticates a request. */
export function authenticate(verify: TokenVerifier) {
  return async function authenticateRequest(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (!header) throw unauthorized('an Authorization: Bearer <token> header is required');
    const m = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
    if (!m) throw unauthorized('the Authorization header must be "Bearer <token>"', 'invalid_token');
    try {
      const v = await verify(m[1]!);
      const actor: AuthActor = { sub: v.sub, roles: v.roles };
      if (v.name !== undefined) actor.name = v.name;
      if (v.dept !== undefined) actor.dept = v.dept;
      request.actor = actor;
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthorized(err.message, 'invalid_token');
      throw err;
    }
  };
}

/** Register authentication on an (encapsulated) instance: every route in it needs a token. */
export function authPlugin(app: FastifyInstance, verify: TokenVerifier): void {
  app.addHook('onRequest', authenticate(verify));
}

/** Route hook (use as `onRequest` so it runs before body parsing): the caller needs one of `roles`, else 403. */
export function requireRoles(...roles: Role[]) {
  return async function requireRole(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    if (!request.actor) throw unauthorized('authentication required');
    if (!hasAnyRole(request.actor, roles)) {
      throw new HttpProblem(403, `this action needs one of the roles: ${roles.join(', ')}`);
    }
  };
}
