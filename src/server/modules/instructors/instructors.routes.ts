import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const instructorsRoutes =
  (_s: Services): FastifyPluginAsyncZod =>
  async () => {};
