import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const availabilityRoutes =
  (_s: Services): FastifyPluginAsyncZod =>
  async () => {};

export const publicAvailabilityRoutes =
  (_s: Services): FastifyPluginAsyncZod =>
  async () => {};
