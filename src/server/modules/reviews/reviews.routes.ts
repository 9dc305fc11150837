import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookingIdParams } from '../../../contracts/bookings.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import {
  createReviewBody,
  hideReviewBody,
  instructorReviewPage,
  instructorReviewsParams,
  instructorReviewsQuery,
  lessonFeedback,
  review,
  reviewIdParams,
  reviewReplyBody,
  studentFeedback,
  studentFeedbackBody,
} from '../../../contracts/reviews.js';
import type { ReviewsService } from './reviews.service.js';

// Which side of the lesson may write is the service's rule (the student reviews, the instructor
// gives feedback): the route only asks for a signed-in person with lessons of their own.
const participant = 'view_own_bookings' as const;

export const reviewsRoutes =
  (reviews: ReviewsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reviews'];
    // 403: the caller is on the other side of the lesson. 404: no such lesson, or not the caller's.
    // 409: already written. 422: the lesson is not completed, or the 14-day window has closed.
    const writeErrors = { 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse };

    app.post(
      '/bookings/:id/review',
      {
        config: { permission: participant },
        schema: {
          operationId: 'reviewLesson',
          summary: 'Review a completed lesson I took (once, within 14 days of its end).',
          tags,
          params: bookingIdParams,
          querystring: noQuery,
          body: createReviewBody,
          response: { 201: review, ...writeErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await reviews.review(req.auth!, req.params.id, req.body)),
    );

    app.post(
      '/bookings/:id/student-feedback',
      {
        config: { permission: participant },
        schema: {
          operationId: 'giveStudentFeedback',
          summary:
            'Give private feedback on the student of a completed lesson I taught (once, within 14 days).',
          tags,
          params: bookingIdParams,
          querystring: noQuery,
          body: studentFeedbackBody,
          response: { 201: studentFeedback, ...writeErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await reviews.studentFeedback(req.auth!, req.params.id, req.body)),
    );

    app.get(
      '/bookings/:id/feedback',
      {
        config: { permission: participant },
        schema: {
          operationId: 'getLessonFeedback',
          summary: 'Both sides’ feedback on a lesson, as far as the double-blind lets me see it.',
          tags,
          params: bookingIdParams,
          querystring: noQuery,
          response: { 200: lessonFeedback, 404: errorResponse },
        },
      },
      async (req) => reviews.ofLesson(req.auth!, req.params.id),
    );

    app.post(
      '/reviews/:id/reply',
      {
        config: { permission: participant },
        schema: {
          operationId: 'replyToReview',
          summary: 'Reply once, publicly, to a published review of my lessons.',
          tags,
          params: reviewIdParams,
          querystring: noQuery,
          body: reviewReplyBody,
          // 403: a moderator who is not the instructor. 404: no such published review of mine.
          // 409: already replied. 422: the review is hidden.
          response: { 200: review, ...writeErrors },
        },
      },
      async (req) => reviews.reply(req.auth!, req.params.id, req.body.text),
    );

    app.post(
      '/admin/moderation/reviews/:id/hide',
      {
        config: { permission: 'moderate_content' },
        schema: {
          operationId: 'hideReview',
          summary: 'Hide a review with a recorded reason (never for being negative); it stops counting.',
          tags: ['moderation'],
          params: reviewIdParams,
          querystring: noQuery,
          body: hideReviewBody,
          response: { 200: review, 404: errorResponse, 409: errorResponse },
        },
      },
      async (req) => reviews.hide(req.auth!, req.params.id, req.body.reason),
    );

    app.get(
      '/instructors/:id/reviews',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'listInstructorReviews',
          summary: 'An instructor’s published reviews, newest first.',
          tags,
          params: instructorReviewsParams,
          querystring: instructorReviewsQuery,
          response: { 200: instructorReviewPage, 404: errorResponse },
        },
      },
      async (req) => reviews.ofInstructor(req.params.id, req.query.page, req.query.perPage),
    );
  };
