import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NOT_BUILT_HTML } from './index-html.js';

/** Paths the web app never owns: a miss there is the API's JSON 404, not the app shell. */
const SERVER_PATHS = /^\/(api|health|ready|metrics)(\/|$)/;

export type HtmlFallback = (req: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Serves the built React app (dist/web) from the same process as the API. Hashed assets are
 * cached for a year; index.html is revalidated each time so a deploy shows at once. Any other
 * GET of a page address gets index.html and the client router takes over.
 */
export async function installWebApp(app: FastifyInstance, webDir: string): Promise<HtmlFallback> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      // One catch-all route: a route per built file (~140) cost every API request ~20 % of its
      // throughput in the router (bench: /health 37k → 30k req/s).
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = req.url.split('?')[0]!;
    // A missing file (a name with an extension) stays a 404; only page addresses get the app.
    if (SERVER_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) return false;
    const accept = req.headers.accept ?? '*/*';
    if (!accept.includes('text/html') && !accept.includes('*/*')) return false;
    if (!built) {
      void reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
      return true;
    }
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
