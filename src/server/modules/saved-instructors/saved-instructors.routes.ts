import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import {
  savedInstructorIds,
  savedInstructorList,
  savedInstructorParams,
  savedInstructorState,
} from '../../../contracts/saved-instructors.js';
import type { SavedInstructorsService } from './saved-instructors.service.js';

// Students keep the list (admins hold every permission); each route acts on the caller's own list.
const saver = 'view_instructors' as const;
const PRIVATE = 'private, no-store';

export const savedInstructorsRoutes =
  (saved: SavedInstructorsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['saved-instructors'];
    const base = '/me/saved-instructors';

    app.get(
      base,
      {
        config: { permission: saver },
        schema: {
          operationId: 'listSavedInstructors',
          summary: 'My saved instructors, most recently saved first, with what a card shows.',
          tags,
          querystring: noQuery,
          response: { 200: savedInstructorList },
        },
      },
      async (req, reply) => reply.header('cache-control', PRIVATE).send(await saved.list(req.auth!)),
    );

    app.get(
      // Its own path: under `${base}/` it would share a pattern with PUT/DELETE `${base}/:instructorId`.
      '/me/saved-instructor-ids',
      {
        config: { permission: saver },
        schema: {
          operationId: 'listSavedInstructorIds',
          summary: 'The ids of my saved instructors, to mark them on search results and profiles.',
          tags,
          querystring: noQuery,
          response: { 200: savedInstructorIds },
        },
      },
      async (req, reply) => reply.header('cache-control', PRIVATE).send(await saved.ids(req.auth!)),
    );

    app.put(
      `${base}/:instructorId`,
      {
        config: { permission: saver },
        schema: {
          operationId: 'saveInstructor',
          summary: 'Save an instructor (saving one already saved changes nothing).',
          tags,
          params: savedInstructorParams,
          querystring: noQuery,
          // 404: no such active instructor. 409: the list is full. 422: my own id.
          response: { 200: savedInstructorState, 404: errorResponse, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req) => saved.save(req.auth!, req.params.instructorId),
    );

    app.delete(
      `${base}/:instructorId`,
      {
        config: { permission: saver },
        schema: {
          operationId: 'unsaveInstructor',
          summary: 'Remove an instructor from my saved list (removing one not saved changes nothing).',
          tags,
          params: savedInstructorParams,
          querystring: noQuery,
          response: { 200: savedInstructorState },
        },
      },
      async (req) => saved.unsave(req.auth!, req.params.instructorId),
    );
  };
