/**
 * The console's one way to the API: openapi-fetch over the types generated
 * from the served OpenAPI document (openapi.d.ts), with the signed-in
 * person's token on every call.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';

export type Problem = components['schemas']['Problem'];

/** A call that did not succeed: the HTTP status and the API's problem (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => {};

/** The session tells the client whose token to send and what to do when it stops working. */
export function setSessionToken(next: string | null, whenUnauthorized: () => void): void {
  token = next;
  onUnauthorized = whenUnauthorized;
}

export function bearerHeaders(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export const api = createClient<paths>({ baseUrl: '' });
api.use({
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && token) onUnauthorized();
  },
});

/** The data of a call, or an ApiError with the status and problem. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  const problem = typeof result.error === 'object' && result.error !== null ? (result.error as Partial<Problem>) : {};
  throw new ApiError(result.response.status, problem);
}
