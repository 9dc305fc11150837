import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request headers or address are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.'],
};

/**
 * Node's HTTP parser refused the bytes before Fastify saw a request (invalid header characters,
 * headers over the size limit, a broken request line): answer on the raw socket and close it.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
    400,
    'BAD_REQUEST',
    'The request is malformed (check the header names and values).',
  ];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Fastify's own routing-time errors: a URL that is not valid percent-encoding, a path part too long. */
export function answerFrameworkError(
  err: Error & { code?: string },
  _req: FastifyRequest,
  reply: FastifyReply,
): void {
  if (err.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send(errorBody('INVALID_URL', 'The address is not valid (check its % escapes).'));
    return;
  }
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    // No id or slug is anywhere near 100 characters, so nothing could have matched.
    void reply.code(414).send(errorBody('URI_TOO_LONG', 'A part of the address is too long.'));
    return;
  }
  reply.log.error({ err }, 'framework error');
  void reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on our side.'));
}
