/**
 * RFC 9457 problem details: one error handler (also for the errors Fastify
 * raises before routing, `frameworkErrors`), one not-found handler and one
 * handler for what Node's HTTP parser refuses, so every error leaves as
 * `application/problem+json` `{ type, title, status, detail, errors? }`.
 * A client mistake is never a 5xx.
 */
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { YEAR_MAX, YEAR_MIN } from '../../domain/storable';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../unavailable';

export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'request-timeout',
  409: 'conflict',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  431: 'headers-too-large',
  500: 'internal',
  503: 'unavailable',
};

export function problemType(status: number, slug?: string): string {
  return `urn:switchboard:problem:${slug ?? SLUGS[status] ?? String(status)}`;
}

/** Routes throw this; the handler turns it into a problem response. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors?: ProblemFieldError[];
  readonly headers?: Record<string, string>;
  readonly slug?: string;

  constructor(
    status: number,
    detail: string,
    opts: { title?: string; errors?: ProblemFieldError[]; headers?: Record<string, string>; slug?: string } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.title = opts.title ?? TITLES[status] ?? 'Error';
    this.detail = detail;
    this.errors = opts.errors;
    this.headers = opts.headers;
    this.slug = opts.slug;
  }

  toProblem(): Problem {
    const p: Problem = { type: problemType(this.status, this.slug), title: this.title, status: this.status, detail: this.detail };
    if (this.errors && this.errors.length > 0) p.errors = this.errors;
    return p;
  }
}

/** The row, or 404: what the caller may not see is, to them, not there. */
export function found<T>(row: T | undefined, detail: string): T {
  if (row === undefined) throw new HttpProblem(404, detail);
  return row;
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers?: Record<string, string>): FastifyReply {
  if (headers) reply.headers(headers);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Formats whose rules are ours (validation.ts): say what they are rather than ajv's "must match format". */
const FORMAT_MESSAGES: Record<string, string> = {
  'date-time': `must be an RFC 3339 date-time with an offset, in the years ${YEAR_MIN}–${YEAR_MAX}, offset at most ±14:59`,
  date: `must be a real day, yyyy-mm-dd, in the years ${YEAR_MIN}–${YEAR_MAX}`,
};

/** Ajv errors → `{ path, message }`; path is `<part>/<json pointer>`, e.g. `body/invoice/provided`. */
export function fieldErrors(errors: readonly ErrorObject[] | null | undefined, part: string): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    // The branches of a union report their own errors; the failed union itself adds nothing.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    let path = e.instancePath;
    let message = e.message ?? 'is invalid';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      path += `/${params.missingProperty}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path += `/${params.additionalProperty}`;
      message = 'is not allowed (unknown field)';
    } else if (e.keyword === 'discriminator' && typeof params.tag === 'string') {
      // A missing tag is already reported by `required`.
      if (params.tagValue === undefined) continue;
      path += `/${params.tag}`;
      message = typeof params.tagValue === 'string' ? `${JSON.stringify(params.tagValue)} is not a known ${params.tag}` : 'must be a string';
    } else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message = `must be one of ${params.allowedValues.join(', ')}`;
    } else if (e.keyword === 'const' && params.allowedValue !== undefined) {
      message = `must be ${JSON.stringify(params.allowedValue)}`;
    } else if (e.keyword === 'format' && typeof params.format === 'string' && FORMAT_MESSAGES[params.format]) {
      message = FORMAT_MESSAGES[params.format]!;
    }
    const entry = { path: `${part}${path}`, message };
    const key = `${entry.path}\n${entry.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}

const UNKNOWN_ID_DETAIL = 'no such resource: ids are 1 to 64 letters, digits, _ or -';

/** Fastify's errors before a route runs (URL, body parsing), as the client's mistakes they are. */
const FASTIFY_ERRORS: Record<string, Omit<Problem, 'detail'> & { detail?: string }> = {
  FST_ERR_BAD_URL: { type: problemType(400, 'bad-url'), title: 'Bad URL', status: 400, detail: 'the URL is not validly percent-encoded' },
  // Longer than the router takes: no id is that long, so nothing is there (as for any unknown id).
  FST_ERR_MAX_PARAM_LENGTH: { type: problemType(404), title: TITLES[404]!, status: 404, detail: UNKNOWN_ID_DETAIL },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    type: problemType(413),
    title: TITLES[413]!,
    status: 413,
    detail: 'the request body is larger than this service accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { type: problemType(415), title: TITLES[415]!, status: 415, detail: 'request bodies must be application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { type: problemType(400, 'malformed-json'), title: 'Malformed JSON', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { type: problemType(400, 'malformed-json'), title: 'Malformed JSON', status: 400 },
};

type ErrorWithValidation = FastifyError & {
  validation?: ErrorObject[];
  validationContext?: string;
};

/** Every error a request meets, as a problem; server faults are logged, and told apart from the client's mistakes. */
export function handleError(error: ErrorWithValidation | HttpProblem | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    return sendProblem(reply, error.toProblem(), error.headers);
  }
  const err = error as ErrorWithValidation;
  // A path id that cannot be an id names nothing: 404, as for any unknown id; except in a PUT, which names what it creates.
  if (err.validationContext === 'params' && request.method !== 'PUT' && err.validation?.some((e) => e.instancePath === '/id')) {
    return sendProblem(reply, { type: problemType(404), title: TITLES[404]!, status: 404, detail: UNKNOWN_ID_DETAIL });
  }
  if (err.validation) {
    const part = err.validationContext ?? 'request';
    const errors = fieldErrors(err.validation, part);
    return sendProblem(reply, {
      type: problemType(400, 'validation'),
      title: 'Invalid request',
      status: 400,
      detail: `the request ${part} is invalid${errors[0] ? `: ${errors[0].path} ${errors[0].message}` : ''}`,
      errors,
    });
  }
  const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
  if (known) return sendProblem(reply, { ...known, detail: known.detail ?? err.message });
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (err instanceof SyntaxError && status === 400) {
    return sendProblem(reply, {
      type: problemType(400, 'malformed-json'),
      title: 'Malformed JSON',
      status: 400,
      detail: `the request body is not valid JSON: ${err.message}`,
    });
  }
  if (status >= 400 && status < 500) {
    return sendProblem(reply, {
      type: problemType(status),
      title: TITLES[status] ?? 'Client Error',
      status,
      detail: err.message || TITLES[status] || 'client error',
    });
  }
  const s = status === 503 || isDependencyUnavailable(err) ? 503 : 500;
  if (s === 503) {
    request.log.warn({ err }, 'a dependency is unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  } else {
    request.log.error({ err }, 'request failed');
  }
  return sendProblem(reply, {
    type: problemType(s),
    title: TITLES[s]!,
    status: s,
    detail: s === 503 ? 'a dependency of this service is unavailable; try again later' : 'an unexpected error occurred; it has been logged',
  });
}

export function problemsPlugin(app: FastifyInstance): void {
  app.setErrorHandler(handleError);

  app.setNotFoundHandler((request, reply) => {
    return sendProblem(reply, {
      type: problemType(404),
      title: TITLES[404]!,
      status: 404,
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers
 * over the size limit: 431; a request not received in time: 408; anything
 * malformed: 400), written as a problem straight onto the socket.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail =
    status === 408
      ? 'the request was not received in time'
      : status === 431
        ? 'the request headers are larger than this service accepts'
        : 'the request is not valid HTTP';
  const title = TITLES[status]!;
  const body = JSON.stringify({ type: problemType(status), title, status, detail } satisfies Problem);
  // As Node does: only when no response on this connection has started (a request timeout may strike mid-response).
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
