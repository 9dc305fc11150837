import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookAgainList,
  booking,
  bookingCalendar,
  bookingDetail,
  bookingIdParams,
  bookingPage,
  bookingStats,
  bookingTerms as bookingTermsAnswer,
  cancelBody,
  createBookingBody,
  idempotencyHeaders,
  listBookingsQuery,
  rescheduleBody,
  bookingSchedule,
  bookingProposal,
  proposalAnswerBody,
  proposeTimeBody,
  timeProposal,
  scheduleQuery,
} from '../../../contracts/bookings.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import { routePermissionsOf } from './booking-actions.js';
import type { BookingsService } from './bookings.service.js';
import { bookingTerms } from '../../../contracts/money.js';

export const bookingsRoutes =
  (bookings: BookingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['bookings'];
    const params = bookingIdParams;
    // 404: no such booking, or not the caller's. 422: the lesson's state or a booking rule refuses.
    const lessonChange = { 200: booking, 404: errorResponse, 422: errorResponse };

    app.post(
      '/bookings',
      {
        config: { permission: 'create_bookings' },
        schema: {
          operationId: 'createBooking',
          summary: 'Book a lesson with an instructor.',
          tags,
          headers: idempotencyHeaders,
          querystring: noQuery,
          body: createBookingBody,
          // 404: no such offering. 409: the time overlaps a lesson, or the Idempotency-Key is in use
          // or was used with another body. 422: a booking rule refuses (notice, availability...).
          response: { 201: booking, 404: errorResponse, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => {
        const result = await bookings.create(req.auth!, req.body, req.headers['idempotency-key']);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(result.body);
      },
    );

    app.get(
      '/bookings',
      {
        config: { permission: 'view_own_bookings' },
        schema: {
          operationId: 'listMyBookings',
          summary: 'List my upcoming or past lessons, as student or as instructor.',
          tags,
          querystring: listBookingsQuery,
          response: { 200: bookingPage },
        },
      },
      async (req) => bookings.list(req.auth!, req.query),
    );

    // Static paths before /bookings/:id.
    app.get(
      '/bookings/terms',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getBookingTerms',
          summary: 'Read the cancellation and rescheduling terms every booking is made under.',
          tags,
          querystring: noQuery,
          response: { 200: bookingTermsAnswer },
        },
      },
      async () => bookingTerms(),
    );
    app.get(
      '/bookings/book-again',
      {
        config: { permission: 'view_own_bookings' },
        schema: {
          operationId: 'listBookAgainOfferings',
          summary: 'List the instructors of my recent lessons, to book them again.',
          tags,
          querystring: noQuery,
          response: { 200: bookAgainList },
        },
      },
      async (req) => bookings.bookAgain(req.auth!),
    );
    app.get(
      '/bookings/schedule',
      {
        config: { permission: 'view_incoming_bookings' },
        schema: {
          operationId: 'getMySchedule',
          summary: 'List my lessons as an instructor over some days (at most six weeks), for a calendar.',
          tags,
          querystring: scheduleQuery,
          response: { 200: bookingSchedule },
        },
      },
      async (req) => bookings.schedule(req.auth!, req.query),
    );
    app.get(
      '/bookings/stats',
      {
        config: { permission: 'view_own_instructor_analytics' },
        schema: {
          operationId: 'getMyBookingStats',
          summary: 'Read my lesson counts and earnings as an instructor.',
          tags,
          querystring: noQuery,
          response: { 200: bookingStats },
        },
      },
      async (req) => bookings.stats(req.auth!),
    );

    app.get(
      '/bookings/:id',
      {
        config: { permission: 'view_booking_details' },
        schema: {
          operationId: 'getBooking',
          summary: 'Read one of my lessons, with what cancelling it now would cost.',
          tags,
          querystring: noQuery,
          params,
          response: { 200: bookingDetail, 404: errorResponse },
        },
      },
      async (req) => bookings.get(req.auth!, req.params.id),
    );

    app.get(
      '/bookings/:id/calendar.ics',
      {
        config: { permission: 'view_booking_details' },
        schema: {
          operationId: 'getBookingCalendar',
          summary: 'Download one of my lessons as a calendar file.',
          tags,
          querystring: noQuery,
          params,
          response: {
            200: {
              description: 'The lesson as a calendar file (an attachment).',
              content: { 'text/calendar': { schema: bookingCalendar } },
            },
            404: errorResponse,
          },
        },
      },
      async (req, reply) => {
        const ics = await bookings.calendar(req.auth!, req.params.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="lesson-${req.params.id}.ics"`)
          .send(ics);
      },
    );

    // Any permission that allows the action on some side opens the route; the service checks the
    // caller's own side (booking-actions.ts).
    app.post(
      '/bookings/:id/cancel',
      {
        config: { permission: routePermissionsOf('cancel') },
        schema: {
          operationId: 'cancelBooking',
          summary: 'Cancel a confirmed lesson; a student may owe a fee by the notice given.',
          tags,
          querystring: noQuery,
          params,
          body: cancelBody,
          response: lessonChange,
        },
      },
      async (req) => bookings.cancel(req.auth!, req.params.id, req.body.reason),
    );
    app.post(
      '/bookings/:id/reschedule',
      {
        config: { permission: routePermissionsOf('reschedule') },
        schema: {
          operationId: 'rescheduleBooking',
          summary: 'Move a confirmed lesson to another time (the student, until shortly before it starts).',
          tags,
          querystring: noQuery,
          params,
          body: rescheduleBody,
          // 409: the new time overlaps another lesson.
          response: { ...lessonChange, 409: errorResponse },
        },
      },
      async (req) => bookings.reschedule(req.auth!, req.params.id, req.body),
    );
    app.post(
      '/bookings/:id/complete',
      {
        config: { permission: routePermissionsOf('complete') },
        schema: {
          operationId: 'completeBooking',
          summary: 'Mark a lesson that has ended as completed (its instructor).',
          tags,
          querystring: noQuery,
          params,
          response: lessonChange,
        },
      },
      async (req) => bookings.markOutcome(req.auth!, req.params.id, 'completed'),
    );
    app.post(
      '/bookings/:id/no-show',
      {
        config: { permission: routePermissionsOf('no_show') },
        schema: {
          operationId: 'markBookingNoShow',
          summary: 'Record that the student did not come to a lesson that has started (its instructor).',
          tags,
          querystring: noQuery,
          params,
          response: lessonChange,
        },
      },
      async (req) => bookings.markOutcome(req.auth!, req.params.id, 'no_show'),
    );

    // Time proposals (decision 0036): the instructor proposes, the student answers.
    // 409: no open proposal by that id, it expired, or the time is no longer free.
    const proposalChange = { 200: timeProposal, 403: errorResponse, 404: errorResponse, 409: errorResponse };
    app.get(
      '/bookings/:id/proposal',
      {
        config: { permission: 'view_booking_details' },
        schema: {
          operationId: 'getBookingProposal',
          summary: 'Read the latest new time proposed for one of my lessons.',
          tags,
          querystring: noQuery,
          params,
          response: { 200: bookingProposal, 404: errorResponse },
        },
      },
      async (req) => bookings.proposals.latest(req.auth!, req.params.id),
    );
    app.post(
      '/bookings/:id/proposal',
      {
        config: { permission: 'cancel_student_bookings' },
        schema: {
          operationId: 'proposeBookingTime',
          summary: 'Propose another start time for a lesson (its instructor); replaces an open proposal.',
          tags,
          querystring: noQuery,
          params,
          body: proposeTimeBody,
          response: {
            201: timeProposal,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
            422: errorResponse,
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await bookings.proposals.propose(req.auth!, req.params.id, req.body)),
    );
    app.post(
      '/bookings/:id/proposal/withdraw',
      {
        config: { permission: 'cancel_student_bookings' },
        schema: {
          operationId: 'withdrawBookingProposal',
          summary: 'Withdraw the open time proposal of a lesson (its instructor).',
          tags,
          querystring: noQuery,
          params,
          response: proposalChange,
        },
      },
      async (req) => bookings.proposals.withdraw(req.auth!, req.params.id),
    );
    app.post(
      '/bookings/:id/proposal/accept',
      {
        config: { permission: routePermissionsOf('reschedule') },
        schema: {
          operationId: 'acceptBookingProposal',
          summary:
            'Accept the proposed time (the student): the lesson moves there, or 409 if it is no longer free.',
          tags,
          querystring: noQuery,
          params,
          body: proposalAnswerBody,
          response: { ...proposalChange, 200: booking, 422: errorResponse },
        },
      },
      async (req) => bookings.proposals.accept(req.auth!, req.params.id, req.body.proposalId),
    );
    app.post(
      '/bookings/:id/proposal/decline',
      {
        config: { permission: routePermissionsOf('reschedule') },
        schema: {
          operationId: 'declineBookingProposal',
          summary: 'Decline the proposed time (the student): the lesson keeps its time.',
          tags,
          querystring: noQuery,
          params,
          body: proposalAnswerBody,
          response: proposalChange,
        },
      },
      async (req) => bookings.proposals.decline(req.auth!, req.params.id, req.body.proposalId),
    );
  };
