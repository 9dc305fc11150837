import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody } from './errors.js';
import { trackRouteMethods } from './method-not-allowed.js';
import type { HtmlFallback } from './web-app.js';

/** Fastify's own client errors, mapped to stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The body is empty but the content type is JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
    message: 'Content-Length does not match the body.',
  },
};

export function installErrorHandling(app: FastifyInstance, htmlFallback?: HtmlFallback): void {
  const methodsOf = trackRouteMethods(app);
  app.setNotFoundHandler((req, reply) => {
    if (htmlFallback?.(req, reply)) return;
    const allowed = methodsOf(req.url);
    if (allowed.length) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send(
          errorBody('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allowed.join(', ')}.`),
        );
    }
    reply.code(404).send(errorBody('NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0]}.`));
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [
          err.validationContext,
          ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
        ].join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = issues[0];
      return reply.code(400).send(
        errorBody('VALIDATION_ERROR', first ? `${first.path}: ${first.message}` : 'Invalid request.', {
          issues,
        }),
      );
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.code(known.status).send(errorBody(known.code, known.message));
    if (err.statusCode === 429) {
      return reply.code(429).send(errorBody('RATE_LIMITED', 'Too many requests. Try again later.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody('BAD_REQUEST', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on our side.'));
  });
}
