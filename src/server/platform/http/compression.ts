import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Compresses JSON and text answers for clients that ask (Accept-Encoding, q=0 honoured by the
 * plugin's negotiator). Answers that are already encoded (the prepared catalog, pre-compressed
 * web assets) pass through; the event stream hijacks its reply, so it is never buffered here.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Quality 4: most of brotli's gain for a fraction of its CPU at the default 11, per request.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    // Never buffer a stream that is meant to trickle, whoever produces one.
    customTypes: (type) => type !== 'text/event-stream' && /^(application\/(.+\+)?json|text\/)/.test(type),
  });
}
