import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  applyPatternBody,
  availabilityWeek,
  blackout,
  blackoutBody,
  blackoutPage,
  blackoutParams,
  bulkBody,
  bulkOutcome,
  bulkRefusal,
  copyWeekBody,
  instructorIdParams,
  nextAvailable,
  nextAvailableQuery,
  patternApplied,
  publicAvailability,
  publicAvailabilityQuery,
  replaceWeekBody,
  singleRangeBody,
  singleRangeQuery,
  weekQuery,
} from '../../../contracts/availability.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noContent, notModified } from '../../../contracts/http.js';
import { noQuery } from '../../../contracts/primitives.js';
import { paginationQueryString } from '../../../contracts/pagination.js';
import { etagMatches } from '../../platform/http/prepared-response.js';
import type { Services } from '../../services.js';

/** The instructor's own availability editor: every route acts on the caller's own schedule. */
export const availabilityRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['availability'];
    const config = { permission: 'manage_availability' } as const;
    const svc = s.availability;
    const base = '/instructors/me/availability';
    // 404: the caller has no instructor profile. 422: a business rule (past date, not a Monday,
    // too far ahead...).
    const weekAnswers = { 200: availabilityWeek, 404: errorResponse, 422: errorResponse };
    const bulkAnswers = { 200: bulkOutcome, 404: errorResponse, 422: bulkRefusal };

    app.get(
      `${base}/week`,
      {
        config,
        schema: {
          operationId: 'getMyAvailabilityWeek',
          summary: 'Read one week of my availability, days off and lessons (default: this week).',
          tags,
          querystring: weekQuery,
          response: { 200: availabilityWeek, 404: errorResponse },
        },
      },
      async (req) => svc.week(req.auth!.user.id, req.query.start),
    );
    app.put(
      `${base}/week`,
      {
        config,
        schema: {
          operationId: 'replaceMyAvailabilityWeek',
          summary: 'Replace the availability of one week; days left out are cleared.',
          tags,
          querystring: noQuery,
          body: replaceWeekBody,
          response: weekAnswers,
        },
      },
      async (req) => svc.replaceWeek(req.auth!.user.id, req.body),
    );
    app.post(
      `${base}/copy-week`,
      {
        config,
        schema: {
          operationId: 'copyMyAvailabilityWeek',
          summary: "Copy one week's availability onto another week.",
          tags,
          querystring: noQuery,
          body: copyWeekBody,
          response: weekAnswers,
        },
      },
      async (req) => svc.copyWeek(req.auth!.user.id, req.body.fromWeekStart, req.body.toWeekStart),
    );
    app.post(
      `${base}/apply-pattern`,
      {
        config,
        schema: {
          operationId: 'applyMyAvailabilityPattern',
          summary: "Repeat one week's availability over a range of dates.",
          tags,
          querystring: noQuery,
          body: applyPatternBody,
          response: { 200: patternApplied, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req) =>
        svc.applyPattern(req.auth!.user.id, req.body.fromWeekStart, req.body.startDate, req.body.endDate),
    );
    app.post(
      `${base}/bulk`,
      {
        config,
        schema: {
          operationId: 'editMyAvailabilityBulk',
          summary: 'Add, remove or move availability ranges all at once, or only check them.',
          tags,
          querystring: noQuery,
          body: bulkBody,
          response: bulkAnswers,
        },
      },
      async (req) => svc.bulk(req.auth!.user.id, req.body.operations, req.body.validate_only),
    );
    app.post(
      `${base}/ranges`,
      {
        config,
        schema: {
          operationId: 'addMyAvailabilityRange',
          summary: 'Add one availability range to a day.',
          tags,
          querystring: noQuery,
          body: singleRangeBody,
          response: bulkAnswers,
        },
      },
      async (req) => svc.bulk(req.auth!.user.id, [{ action: 'add', ...req.body }], false),
    );
    app.delete(
      `${base}/ranges`,
      {
        config,
        schema: {
          operationId: 'removeMyAvailabilityRange',
          summary: "Remove one range of time from a day's availability.",
          tags,
          querystring: singleRangeQuery,
          response: bulkAnswers,
        },
      },
      async (req) => svc.bulk(req.auth!.user.id, [{ action: 'remove', ...req.query }], false),
    );

    app.get(
      '/instructors/me/blackouts',
      {
        config,
        schema: {
          operationId: 'listMyBlackouts',
          summary: 'List my upcoming days off.',
          tags,
          querystring: paginationQueryString,
          response: { 200: blackoutPage, 404: errorResponse },
        },
      },
      async (req) => svc.blackouts(req.auth!.user.id, req.query.page, req.query.perPage),
    );
    app.post(
      '/instructors/me/blackouts',
      {
        config,
        schema: {
          operationId: 'addMyBlackout',
          summary: 'Take a day off: nothing can be booked on it.',
          tags,
          querystring: noQuery,
          body: blackoutBody,
          response: { 201: blackout, 404: errorResponse, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addBlackout(req.auth!.user.id, req.body.date, req.body.reason)),
    );
    app.delete(
      '/instructors/me/blackouts/:date',
      {
        config,
        schema: {
          operationId: 'removeMyBlackout',
          summary: 'Remove a day off.',
          tags,
          querystring: noQuery,
          params: blackoutParams,
          response: { 204: noContent, 404: errorResponse },
        },
      },
      async (req, reply) => {
        await svc.removeBlackout(req.auth!.user.id, req.params.date);
        return reply.code(204).send(null);
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
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getInstructorAvailability',
          summary: "An instructor's bookable times per day, at the detail asked for (default: 30 days).",
          tags,
          params,
          querystring: publicAvailabilityQuery,
          // 404: no such active instructor, or no such active service of theirs.
          response: { 200: publicAvailability, 304: notModified, 404: errorResponse },
        },
      },
      async (req, reply) => {
        const { body, etag, personal } = await s.publicAvailability.availabilityFor(
          req.params.id,
          req.query,
          req.auth?.user.id ?? null,
        );
        // Already serialised (and cached) JSON: sent as is, past the typed reply. A signed-in
        // viewer's answer leaves out their own lessons' times: no shared cache may keep it.
        const raw: FastifyReply = reply;
        raw
          .header('etag', etag)
          .header('cache-control', personal ? 'private, max-age=30' : 'public, max-age=30')
          .header('vary', 'Authorization, Cookie');
        if (etagMatches(req, etag)) return raw.code(304).send();
        return raw.type('application/json; charset=utf-8').send(body);
      },
    );

    app.get(
      '/public/instructors/:id/next-available',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getInstructorNextAvailable',
          summary: 'The first time a lesson with this instructor can be booked.',
          tags,
          params,
          querystring: nextAvailableQuery,
          response: { 200: nextAvailable, 404: errorResponse },
        },
      },
      async (req) => s.publicAvailability.nextAvailable(req.params.id, req.query),
    );
  };
