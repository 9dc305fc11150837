import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseEncoding } from './accept-encoding.js';

/** A JSON body serialised and compressed once, for hot reads that change rarely. */
export interface PreparedJson {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value));
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}

export function etagMatches(req: FastifyRequest, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  if (!inm) return false;
  return inm
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export function sendPrepared(
  req: FastifyRequest,
  reply: FastifyReply,
  p: PreparedJson,
  cacheControl = 'public, max-age=60',
): FastifyReply {
  reply.header('etag', p.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (etagMatches(req, p.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(p.br);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(p.gzip);
  return reply.send(p.body);
}
