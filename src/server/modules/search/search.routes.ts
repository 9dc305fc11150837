import type { AuthContext } from '../../platform/auth/auth-context.js';
import { requirePermission } from '../../platform/access/require-permission.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../contracts/time-zone.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import { noContent } from '../../../contracts/http.js';
import { noQuery } from '../../../contracts/primitives.js';
import {
  guestHeaders,
  interactionAccepted,
  interactionBody,
  recordHistoryBody,
  searchHeaders,
  searchHistoryPage,
  searchHistoryParams,
  searchHistoryQuery,
  searchQuery,
  searchRecorded,
  searchResponse,
} from '../../../contracts/search.js';
import type { AppDeps } from '../../platform/deps.js';
import { clientContext } from './client-context.js';
import type { SearchHistoryService } from './search-history.service.js';
import { searchOwnerOf } from './search-history.service.js';
import type { SearchService } from './search.service.js';

export const searchRoutes =
  (deps: AppDeps, search: SearchService, history: SearchHistoryService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['search'];

    app.get(
      '/search',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'searchOfferings',
          summary:
            'Search lessons in plain words, with optional filters; results ranked, with what was understood.',
          tags,
          headers: searchHeaders,
          querystring: searchQuery,
          response: { 200: searchResponse },
        },
      },
      async (req, reply) => {
        const owner = searchOwnerOf(req);
        // The answer is for this searcher (their lessons' times left out, their zone, their event
        // id): never kept by a shared cache.
        void reply
          .header('cache-control', 'private, no-cache')
          .header('vary', 'Authorization, Cookie, X-Guest-Session-Id, X-Timezone');
        const header = req.headers['x-timezone'];
        const guestZone = typeof header === 'string' && isValidTimeZone(header) ? header : DEFAULT_TIME_ZONE;
        return search.search(
          {
            ...req.query,
            timezone: req.auth?.user.timezone ?? guestZone,
            guestSessionId: owner?.guestSessionId ?? null,
            ip: req.ip,
          },
          req.auth,
          clientContext(req, deps.config.ipHashSalt),
        );
      },
    );

    app.post(
      '/search/interactions',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'recordSearchInteraction',
          summary: 'Report a view, click or booking of a result of one of my searches.',
          tags,
          headers: guestHeaders,
          querystring: noQuery,
          body: interactionBody,
          response: { 202: interactionAccepted, 404: errorResponse },
        },
      },
      async (req, reply) => {
        await history.interaction(searchOwnerOf(req), req.body);
        return reply.code(202).send({ accepted: true });
      },
    );

    // Guests keep recent searches too, so these are public; a signed-in caller needs the permission.
    const ownHistory = async (req: { auth: AuthContext | null }) => {
      if (req.auth) requirePermission(req.auth, 'view_own_search_history');
    };

    app.get(
      '/search-history',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'listSearchHistory',
          summary: 'My recent searches, newest first (a guest names theirs with X-Guest-Session-Id).',
          tags,
          headers: guestHeaders,
          querystring: searchHistoryQuery,
          response: { 200: searchHistoryPage, 403: errorResponse },
        },
      },
      async (req) => {
        await ownHistory(req);
        return history.recent(searchOwnerOf(req), req.query.limit);
      },
    );

    app.post(
      '/search-history',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'recordSearchHistory',
          summary: 'Add a search to my recent searches without running it.',
          tags,
          headers: guestHeaders,
          querystring: noQuery,
          body: recordHistoryBody,
          response: { 201: searchRecorded, 403: errorResponse },
        },
      },
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
        schema: {
          operationId: 'deleteSearchHistoryEntry',
          summary: 'Remove one of my recent searches.',
          tags,
          headers: guestHeaders,
          querystring: noQuery,
          params: searchHistoryParams,
          response: { 204: noContent, 403: errorResponse, 404: errorResponse },
        },
      },
      async (req, reply) => {
        await ownHistory(req);
        await history.remove(searchOwnerOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
