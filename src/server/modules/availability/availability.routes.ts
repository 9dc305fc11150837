import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noQuery } from '../../../contracts/primitives.js';
import { paginationQueryString } from '../../platform/http/pagination.js';
import { etagMatches } from '../../platform/http/prepared-response.js';
import type { Services } from '../../services.js';
import {
  applyPatternBody,
  blackoutBody,
  blackoutParams,
  bulkBody,
  copyWeekBody,
  instructorIdParams,
  nextAvailableQuery,
  publicAvailabilityQuery,
  replaceWeekBody,
  singleRangeBody,
  singleRangeQuery,
  weekQuery,
} from './availability.schema.js';

/** The instructor's own availability editor: every route acts on the caller's own schedule. */
export const availabilityRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['availability'];
    const config = { permission: 'manage_availability' } as const;
    const svc = s.availability;
    const base = '/instructors/me/availability';

    app.get(`${base}/week`, { config, schema: { tags, querystring: weekQuery } }, async (req) =>
      svc.week(req.auth!.user.id, req.query.start),
    );
    app.put(
      `${base}/week`,
      { config, schema: { tags, querystring: noQuery, body: replaceWeekBody } },
      async (req) => svc.replaceWeek(req.auth!.user.id, req.body),
    );
    app.post(
      `${base}/copy-week`,
      { config, schema: { tags, querystring: noQuery, body: copyWeekBody } },
      async (req) => svc.copyWeek(req.auth!.user.id, req.body.fromWeekStart, req.body.toWeekStart),
    );
    app.post(
      `${base}/apply-pattern`,
      { config, schema: { tags, querystring: noQuery, body: applyPatternBody } },
      async (req) =>
        svc.applyPattern(req.auth!.user.id, req.body.fromWeekStart, req.body.startDate, req.body.endDate),
    );
    app.post(
      `${base}/bulk`,
      { config, schema: { tags, querystring: noQuery, body: bulkBody } },
      async (req) => svc.bulk(req.auth!.user.id, req.body.operations, req.body.validate_only),
    );
    app.post(
      `${base}/ranges`,
      { config, schema: { tags, querystring: noQuery, body: singleRangeBody } },
      async (req) => svc.bulk(req.auth!.user.id, [{ action: 'add', ...req.body }], false),
    );
    app.delete(`${base}/ranges`, { config, schema: { tags, querystring: singleRangeQuery } }, async (req) =>
      svc.bulk(req.auth!.user.id, [{ action: 'remove', ...req.query }], false),
    );

    app.get(
      '/instructors/me/blackouts',
      { config, schema: { tags, querystring: paginationQueryString } },
      async (req) => svc.blackouts(req.auth!.user.id, req.query.page, req.query.perPage),
    );
    app.post(
      '/instructors/me/blackouts',
      { config, schema: { tags, querystring: noQuery, body: blackoutBody } },
      async (req, reply) =>
        reply.code(201).send(await svc.addBlackout(req.auth!.user.id, req.body.date, req.body.reason)),
    );
    app.delete(
      '/instructors/me/blackouts/:date',
      { config, schema: { tags, querystring: noQuery, params: blackoutParams } },
      async (req, reply) => {
        await svc.removeBlackout(req.auth!.user.id, req.params.date);
        return reply.code(204).send();
      },
    );
  };

/** What a student sees before booking; no login, cached, with ETag. */
export const publicAvailabilityRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['availability'];
    const params = instructorIdParams;

    app.get(
      '/public/instructors/:id/availability',
      { config: { permission: 'public' }, schema: { tags, params, querystring: publicAvailabilityQuery } },
      async (req, reply) => {
        const { body, etag } = await s.publicAvailability.availability(req.params.id, req.query);
        reply.header('etag', etag).header('cache-control', 'public, max-age=30');
        if (etagMatches(req, etag)) return reply.code(304).send();
        return reply.type('application/json; charset=utf-8').send(body);
      },
    );

    app.get(
      '/public/instructors/:id/next-available',
      { config: { permission: 'public' }, schema: { tags, params, querystring: nextAvailableQuery } },
      async (req) => s.publicAvailability.nextAvailable(req.params.id, req.query),
    );
  };
