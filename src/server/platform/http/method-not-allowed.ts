import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';
import type { HTTPMethod } from 'find-my-way';

/**
 * Fastify answers a known path with an unknown method as 404. Every route is recorded here as it is
 * registered, so the not-found handler can tell "no such path" (404) from "not with this method"
 * (405 + Allow). Wildcard routes (the web app's catch-all) are left out: they would make every
 * path look known.
 */
export function trackRouteMethods(app: FastifyInstance): (url: string) => string[] {
  const router = Router({ ignoreTrailingSlash: true });
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    for (const m of [route.method].flat() as HTTPMethod[]) {
      if (methods.has(m) && router.hasRoute(m, route.url)) continue;
      methods.add(m);
      router.on(m, route.url, () => {});
    }
  });
  return (url) => {
    const path = url.split('?')[0]!;
    return [...methods].filter((m) => router.find(m, path) !== null).sort();
  };
}
