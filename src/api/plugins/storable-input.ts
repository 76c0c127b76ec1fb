/**
 * One rule for every input, before any schema or route sees it: all text
 * in the params, query string, headers and body (keys included, at any
 * depth) is text our records can hold (src/domain/storable.ts). A NUL or
 * an unpaired surrogate let through would fail only in Postgres, in a
 * route (a 500) or in an activity retrying for ever.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findUnstorable } from '../../domain/storable';
import { HttpProblem } from './problems';

const PARTS = ['params', 'querystring', 'headers', 'body'] as const;

function partValue(request: FastifyRequest, part: (typeof PARTS)[number]): unknown {
  return part === 'querystring' ? request.query : request[part];
}

export function storableInputPlugin(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of PARTS) {
      const found = findUnstorable(partValue(request, part));
      if (found) {
        const path = `${part}${found.path}`;
        throw new HttpProblem(400, `the request ${part} is invalid: ${path} ${found.message}`, {
          title: 'Invalid request',
          slug: 'validation',
          errors: [{ path, message: found.message }],
        });
      }
    }
  });
}
