import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idText, noQuery, queryInt, strictParams } from '../../../contracts/primitives.js';
import { pageOf, paginationQuery } from '../../platform/http/pagination.js';
import { sendPrepared } from '../../platform/http/prepared-response.js';
import type { CatalogService } from './catalog.service.js';
import { publicService } from './catalog.service.js';

export const catalogRoutes =
  (catalog: CatalogService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['catalog'];
    const pub = { permission: 'public' } as const;

    app.get(
      '/catalog/categories',
      { config: pub, schema: { tags, querystring: noQuery } },
      async (req, reply) => sendPrepared(req, reply, (await catalog.snapshot()).prepared.categories),
    );

    app.get(
      '/catalog/services',
      {
        config: pub,
        schema: {
          tags,
          querystring: strictParams({ category: idText(100).optional(), ...paginationQuery }),
        },
      },
      async (req) => {
        const list = await catalog.servicesOf(req.query.category);
        return pageOf(list.map(publicService), req.query.page, req.query.perPage);
      },
    );

    app.get(
      '/catalog/services/:slugOrId',
      {
        config: pub,
        schema: { tags, querystring: noQuery, params: strictParams({ slugOrId: idText(100) }) },
      },
      async (req) => publicService(await catalog.service(req.params.slugOrId)),
    );

    app.get(
      '/catalog/top-per-category',
      {
        config: pub,
        schema: { tags, querystring: strictParams({ limit: queryInt({ min: 1, max: 20 }).default(7) }) },
      },
      async (req, reply) => sendPrepared(req, reply, await catalog.topPerCategory(req.query.limit)),
    );

    app.get('/catalog/all', { config: pub, schema: { tags, querystring: noQuery } }, async (req, reply) =>
      sendPrepared(req, reply, (await catalog.snapshot()).prepared.all),
    );
  };
