import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noQuery } from '../../../contracts/primitives.js';
import type { Services } from '../../services.js';
import {
  addOfferingBody,
  instructorIdParams,
  listInstructorsQuery,
  statusBody,
  updateOfferingBody,
  updateProfileBody,
} from './instructors.schema.js';

export const instructorsRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['instructors'];
    const svc = s.instructors;
    const idParams = instructorIdParams;

    app.get(
      '/instructors',
      { config: { permission: 'public' }, schema: { tags, querystring: listInstructorsQuery } },
      async (req) => svc.list(req.query),
    );

    // /me routes before /:id so "me" is never read as an id.
    app.get(
      '/instructors/me',
      { config: { permission: 'manage_instructor_profile' }, schema: { tags, querystring: noQuery } },
      async (req) => svc.me(req.auth!),
    );
    app.put(
      '/instructors/me',
      {
        config: { permission: 'manage_instructor_profile' },
        schema: { tags, querystring: noQuery, body: updateProfileBody },
      },
      async (req) => svc.updateMe(req.auth!, req.body),
    );
    app.post(
      '/instructors/me/become',
      { config: { permission: 'manage_own_profile' }, schema: { tags, querystring: noQuery } },
      async (req) => svc.become(req.auth!),
    );
    app.post(
      '/instructors/me/services',
      {
        config: { permission: 'manage_services' },
        schema: { tags, querystring: noQuery, body: addOfferingBody },
      },
      async (req, reply) => reply.code(201).send(await svc.addOffering(req.auth!, req.body)),
    );
    app.patch(
      '/instructors/me/services/:id',
      {
        config: { permission: 'manage_services' },
        schema: { tags, querystring: noQuery, params: idParams, body: updateOfferingBody },
      },
      async (req) => svc.updateOffering(req.auth!, req.params.id, req.body),
    );
    app.delete(
      '/instructors/me/services/:id',
      { config: { permission: 'manage_services' }, schema: { tags, querystring: noQuery, params: idParams } },
      async (req) => svc.removeOffering(req.auth!, req.params.id),
    );
    app.post(
      '/instructors/me/status',
      {
        config: { permission: 'suspend_own_instructor_account' },
        schema: { tags, querystring: noQuery, body: statusBody },
      },
      async (req) => svc.changeOwnStatus(req.auth!, req.body.action),
    );

    app.get(
      '/instructors/:id',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, params: idParams } },
      async (req) => svc.publicProfile(req.params.id, req.auth),
    );
  };
