import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noQuery } from '../../../contracts/primitives.js';
import type { BookingsService } from './bookings.service.js';
import { bookingTerms } from './pricing.js';
import {
  bookingIdParams,
  cancelBody,
  createBookingBody,
  listBookingsQuery,
  rescheduleBody,
} from './bookings.schema.js';

export const bookingsRoutes =
  (bookings: BookingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['bookings'];
    const params = bookingIdParams;

    app.post(
      '/bookings',
      {
        config: { permission: 'create_bookings' },
        schema: { tags, querystring: noQuery, body: createBookingBody },
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const result = await bookings.create(req.auth!, req.body, Array.isArray(key) ? key[0] : key);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(result.status).send(result.body);
      },
    );

    app.get(
      '/bookings',
      { config: { permission: 'view_own_bookings' }, schema: { tags, querystring: listBookingsQuery } },
      async (req) => bookings.list(req.auth!, req.query),
    );

    // Static paths before /bookings/:id.
    app.get(
      '/bookings/terms',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery } },
      async () => bookingTerms(),
    );
    app.get(
      '/bookings/book-again',
      { config: { permission: 'view_own_bookings' }, schema: { tags, querystring: noQuery } },
      async (req) => bookings.bookAgain(req.auth!),
    );
    app.get(
      '/bookings/stats',
      { config: { permission: 'view_own_instructor_analytics' }, schema: { tags, querystring: noQuery } },
      async (req) => bookings.stats(req.auth!),
    );

    app.get(
      '/bookings/:id',
      { config: { permission: 'view_booking_details' }, schema: { tags, querystring: noQuery, params } },
      async (req) => bookings.get(req.auth!, req.params.id),
    );

    app.get(
      '/bookings/:id/calendar.ics',
      { config: { permission: 'view_booking_details' }, schema: { tags, querystring: noQuery, params } },
      async (req, reply) => {
        const ics = await bookings.calendar(req.auth!, req.params.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="lesson-${req.params.id}.ics"`)
          .send(ics);
      },
    );

    // Which permission applies depends on the caller's side of the booking; the service checks it.
    app.post(
      '/bookings/:id/cancel',
      {
        config: { permission: 'view_own_bookings' },
        schema: { tags, querystring: noQuery, params, body: cancelBody },
      },
      async (req) => bookings.cancel(req.auth!, req.params.id, req.body.reason),
    );
    app.post(
      '/bookings/:id/reschedule',
      {
        config: { permission: 'cancel_own_bookings' },
        schema: { tags, querystring: noQuery, params, body: rescheduleBody },
      },
      async (req) => bookings.reschedule(req.auth!, req.params.id, req.body),
    );
    app.post(
      '/bookings/:id/complete',
      { config: { permission: 'view_own_bookings' }, schema: { tags, querystring: noQuery, params } },
      async (req) => bookings.markOutcome(req.auth!, req.params.id, 'completed'),
    );
    app.post(
      '/bookings/:id/no-show',
      { config: { permission: 'view_own_bookings' }, schema: { tags, querystring: noQuery, params } },
      async (req) => bookings.markOutcome(req.auth!, req.params.id, 'no_show'),
    );
  };
