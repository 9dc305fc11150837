import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  catalogCategoryPage,
  catalogService,
  catalogServicePage,
  catalogServiceParams,
  catalogServicesQuery,
  catalogTree,
  topPerCategory,
  topPerCategoryQuery,
} from '../../../contracts/catalog.js';
import { errorResponse } from '../../../contracts/errors.js';
import { notModified } from '../../../contracts/http.js';
import { noQuery } from '../../../contracts/primitives.js';
import { pageOf } from '../../platform/http/pagination.js';
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
      {
        config: pub,
        schema: {
          operationId: 'listCatalogCategories',
          summary: 'List every catalog category, in display order, with its number of services.',
          tags,
          querystring: noQuery,
          // Pre-serialised with an ETag: 304 when If-None-Match names the current copy.
          response: { 200: catalogCategoryPage, 304: notModified },
        },
      },
      async (req, reply) => sendPrepared(req, reply, (await catalog.snapshot()).prepared.categories),
    );

    app.get(
      '/catalog/services',
      {
        config: pub,
        schema: {
          operationId: 'listCatalogServices',
          summary: 'List catalog services, all or of one category (slug or id), a page at a time.',
          tags,
          querystring: catalogServicesQuery,
          // 404: no such category.
          response: { 200: catalogServicePage, 404: errorResponse },
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
        schema: {
          operationId: 'getCatalogService',
          summary: 'Get one catalog service by slug or id, with its instructor count and rates.',
          tags,
          querystring: noQuery,
          params: catalogServiceParams,
          // 404: no such active service.
          response: { 200: catalogService, 404: errorResponse },
        },
      },
      async (req) => publicService(await catalog.service(req.params.slugOrId)),
    );

    app.get(
      '/catalog/top-per-category',
      {
        config: pub,
        schema: {
          operationId: 'listTopServicesPerCategory',
          summary: 'List, per category, the services most in demand that somebody teaches (homepage).',
          tags,
          querystring: topPerCategoryQuery,
          response: { 200: topPerCategory, 304: notModified },
        },
      },
      async (req, reply) => sendPrepared(req, reply, await catalog.topPerCategory(req.query.limit)),
    );

    app.get(
      '/catalog/all',
      {
        config: pub,
        schema: {
          operationId: 'getCatalog',
          summary: 'Get the whole catalog: every category with every one of its services.',
          tags,
          querystring: noQuery,
          response: { 200: catalogTree, 304: notModified },
        },
      },
      async (req, reply) => sendPrepared(req, reply, (await catalog.snapshot()).prepared.all),
    );
  };
