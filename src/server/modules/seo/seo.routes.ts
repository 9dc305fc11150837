import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { NOT_BUILT_HTML, indexHtmlReader } from '../../platform/http/index-html.js';
import type { PageHead } from './page-head.js';
import { escapeHtml, injectHead } from './page-head.js';
import type { PageMetaService } from './page-meta.service.js';

// Not API routes: hidden from the OpenAPI document (and so from the fuzz suite's route table).
const page = { schema: { hide: true }, config: { permission: 'public' } } as const;

/**
 * The public pages a search engine lands on get their own title, description, canonical and Open
 * Graph tags in the HTML itself (crawlers and link previews do not run the app's script); the
 * client router takes over as on any other page. Plus /sitemap.xml and /robots.txt.
 */
export const seoRoutes =
  (pages: PageMetaService, webDir: string): FastifyPluginAsync =>
  async (app) => {
    const indexHtml = indexHtmlReader(webDir);

    const send = (reply: FastifyReply, head: PageHead, status = 200) => {
      const html = indexHtml();
      if (html === null) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
      // Revalidated on each visit like the plain index.html: a deploy or a profile edit shows at once.
      return reply
        .code(status)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(injectHead(html, head));
    };

    app.get('/', page, async (_req, reply) => send(reply, pages.home()));
    app.get('/services', page, async (_req, reply) => send(reply, await pages.allServices()));
    app.get<{ Params: { slug: string } }>('/services/:slug', page, async (req, reply) => {
      const head = await pages.service(req.params.slug);
      return head ? send(reply, head) : send(reply, pages.notFound(req.url.split('?')[0]!), 404);
    });
    app.get<{ Params: { id: string } }>('/instructors/:id', page, async (req, reply) => {
      const head = await pages.instructor(req.params.id);
      return head ? send(reply, head) : send(reply, pages.notFound(req.url.split('?')[0]!), 404);
    });

    app.get('/sitemap.xml', page, async (_req, reply) => {
      const urls = await pages.sitemapUrls();
      const body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...urls.map((u) => `  <url><loc>${escapeHtml(u)}</loc></url>`),
        '</urlset>',
        '',
      ].join('\n');
      return reply
        .header('cache-control', 'public, max-age=3600')
        .type('application/xml; charset=utf-8')
        .send(body);
    });

    app.get('/robots.txt', page, async (_req, reply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .type('text/plain; charset=utf-8')
        .send(
          [
            'User-agent: *',
            // Accounts, bookings and the API are nobody's search result.
            'Disallow: /api/',
            'Disallow: /account',
            'Disallow: /admin',
            'Disallow: /book/',
            'Disallow: /lessons',
            'Disallow: /messages',
            'Disallow: /teach',
            `Sitemap: ${pages.url('/sitemap.xml')}`,
            '',
          ].join('\n'),
        ),
    );
  };
