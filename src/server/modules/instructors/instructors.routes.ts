import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import {
  addOfferingBody,
  instructorIdParams,
  instructorPage,
  instructorStatusChange,
  listInstructorsQuery,
  offering,
  offeringRemoval,
  ownInstructorProfile,
  publicInstructor,
  statusBody,
  updateOfferingBody,
  updateProfileBody,
} from '../../../contracts/instructors.js';
import { noQuery } from '../../../contracts/primitives.js';
import type { Services } from '../../services.js';

export const instructorsRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['instructors'];
    const svc = s.instructors;
    const idParams = instructorIdParams;

    app.get(
      '/instructors',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'listInstructors',
          summary: 'List active instructors, filtered by service, category, price, borough or format.',
          tags,
          querystring: listInstructorsQuery,
          response: { 200: instructorPage },
        },
      },
      async (req) => svc.list(req.query),
    );

    // /me routes before /:id so "me" is never read as an id.
    app.get(
      '/instructors/me',
      {
        config: { permission: 'manage_instructor_profile' },
        schema: {
          operationId: 'getMyInstructorProfile',
          summary: 'Get my instructor profile, settings and every offering.',
          tags,
          querystring: noQuery,
          response: { 200: ownInstructorProfile },
        },
      },
      async (req) => svc.me(req.auth!),
    );
    app.put(
      '/instructors/me',
      {
        config: { permission: 'manage_instructor_profile' },
        schema: {
          operationId: 'updateMyInstructorProfile',
          summary: 'Change my instructor profile: only the fields sent change (an unknown area is 400).',
          tags,
          querystring: noQuery,
          body: updateProfileBody,
          response: { 200: ownInstructorProfile },
        },
      },
      async (req) => svc.updateMe(req.auth!, req.body),
    );
    app.post(
      '/instructors/me/become',
      {
        config: { permission: 'manage_own_profile' },
        schema: {
          operationId: 'becomeInstructor',
          summary: 'Become an instructor: adds the role and an empty profile, and returns it.',
          tags,
          querystring: noQuery,
          response: { 200: ownInstructorProfile },
        },
      },
      async (req) => svc.become(req.auth!),
    );
    app.post(
      '/instructors/me/services',
      {
        config: { permission: 'manage_services' },
        schema: {
          operationId: 'addMyOffering',
          summary: 'Offer a catalog service, with its rate, durations, levels and places.',
          tags,
          querystring: noQuery,
          body: addOfferingBody,
          // 409: already offered. 422: not an active catalog service, or not taught online.
          response: { 201: offering, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.addOffering(req.auth!, req.body)),
    );
    app.patch(
      '/instructors/me/services/:id',
      {
        config: { permission: 'manage_services' },
        schema: {
          operationId: 'updateMyOffering',
          summary: 'Change one of my offerings: only the fields sent change.',
          tags,
          querystring: noQuery,
          params: idParams,
          body: updateOfferingBody,
          // 404: no such offering of mine. 422: the service is not taught online.
          response: { 200: offering, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req) => svc.updateOffering(req.auth!, req.params.id, req.body),
    );
    app.delete(
      '/instructors/me/services/:id',
      {
        config: { permission: 'manage_services' },
        schema: {
          operationId: 'removeMyOffering',
          summary: 'Remove one of my offerings; one with lessons is kept, inactive.',
          tags,
          querystring: noQuery,
          params: idParams,
          // 404: no such offering of mine.
          response: { 200: offeringRemoval, 404: errorResponse },
        },
      },
      async (req) => svc.removeOffering(req.auth!, req.params.id),
    );
    app.post(
      '/instructors/me/status',
      {
        config: { permission: 'suspend_own_instructor_account' },
        schema: {
          operationId: 'changeMyInstructorStatus',
          summary: 'Suspend, deactivate or reactivate my instructor account.',
          tags,
          querystring: noQuery,
          body: statusBody,
          // 409: upcoming lessons stand in the way (details.count). 403 (standard): an admin set the status.
          response: { 200: instructorStatusChange, 409: errorResponse },
        },
      },
      async (req) => svc.changeOwnStatus(req.auth!, req.body.action),
    );

    app.get(
      '/instructors/:id',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getInstructor',
          summary: "Get an instructor's public profile with their active offerings.",
          tags,
          querystring: noQuery,
          params: idParams,
          // 404: no such instructor, or not active (except to themselves and user administrators).
          response: { 200: publicInstructor, 404: errorResponse },
        },
      },
      async (req) => svc.publicProfile(req.params.id, req.auth),
    );
  };
