import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noQuery } from '../../../contracts/primitives.js';
import type { AppDeps } from '../../platform/deps.js';
import { forbidden } from '../../platform/http/errors.js';
import { isValidTimeZone } from '../../platform/time-zone.js';
import { clientContext } from './client-context.js';
import {
  interactionBody,
  recordHistoryBody,
  searchHistoryParams,
  searchHistoryQuery,
  searchQuery,
} from './search.schema.js';
import type { SearchHistoryService } from './search-history.service.js';
import { searchOwnerOf } from './search-history.service.js';
import type { SearchService } from './search.service.js';

export const searchRoutes =
  (deps: AppDeps, search: SearchService, history: SearchHistoryService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['search'];

    app.get(
      '/search',
      { config: { permission: 'public' }, schema: { tags, querystring: searchQuery } },
      async (req) => {
        const owner = searchOwnerOf(req);
        const header = req.headers['x-timezone'];
        const guestZone = typeof header === 'string' && isValidTimeZone(header) ? header : 'America/New_York';
        return search.search(
          {
            ...req.query,
            timezone: req.auth?.user.timezone ?? guestZone,
            guestSessionId: owner?.guestSessionId ?? null,
          },
          req.auth,
          clientContext(req, deps.config.ipHashSalt),
        );
      },
    );

    app.post(
      '/search/interactions',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: interactionBody } },
      async (req, reply) => {
        await history.interaction(searchOwnerOf(req), req.body);
        return reply.code(202).send({ accepted: true });
      },
    );

    // Guests keep recent searches too, so these are public; a signed-in caller needs the permission.
    const ownHistory = async (req: { auth: { permissions: ReadonlySet<string> } | null }) => {
      if (req.auth && !req.auth.permissions.has('view_own_search_history')) {
        throw forbidden('FORBIDDEN', 'You do not have permission to do this.', {
          permission: 'view_own_search_history',
        });
      }
    };

    app.get(
      '/search-history',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          querystring: searchHistoryQuery,
        },
      },
      async (req) => {
        await ownHistory(req);
        return history.recent(searchOwnerOf(req), req.query.limit);
      },
    );

    app.post(
      '/search-history',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: recordHistoryBody } },
      async (req, reply) => {
        await ownHistory(req);
        await history.record(searchOwnerOf(req), req.body.query, req.body.searchType);
        return reply.code(201).send({ recorded: true });
      },
    );

    app.delete(
      '/search-history/:id',
      {
        config: { permission: 'public' },
        schema: { tags, querystring: noQuery, params: searchHistoryParams },
      },
      async (req, reply) => {
        await ownHistory(req);
        await history.remove(searchOwnerOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
