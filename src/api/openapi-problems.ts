/**
 * Every operation can answer a problem (RFC 9457); the OpenAPI document
 * says so once, as a `default` response referring to one Problem schema, so
 * generated clients know the shape of every error.
 */
import { Problem } from './schemas/common';

const PROBLEM_RESPONSE = {
  description:
    'A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type Operation = { responses?: Record<string, unknown> };
type Doc = { components?: { schemas?: object }; paths?: object };

export function documentProblems<D extends Doc>(doc: D): D {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [url, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    const next = { ...item };
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op) next[method] = { ...op, responses: { default: PROBLEM_RESPONSE, ...op.responses } };
    }
    paths[url] = next;
  }
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, Problem } }, paths };
}
