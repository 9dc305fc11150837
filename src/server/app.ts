import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installSessionAuth } from './platform/auth/session-auth.js';
import { hashIp } from './platform/auth/tokens.js';
import type { AppDeps } from './platform/deps.js';
import { installErrorHandling } from './platform/http/error-handler.js';
import { installWebApp } from './platform/http/web-app.js';
import { errorBody } from './platform/http/errors.js';
import { installRequestMetrics } from './platform/metrics/request-metrics.js';
import { opsRoutes } from './platform/ops.routes.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { adminUsersRoutes } from './modules/admin/admin-users.routes.js';
import { availabilityRoutes, publicAvailabilityRoutes } from './modules/availability/availability.routes.js';
import { bookingsRoutes } from './modules/bookings/bookings.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { instructorsRoutes } from './modules/instructors/instructors.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import type { Services } from './services.js';
import { createServices } from './services.js';

export async function buildApp(
  deps: AppDeps,
  services: Services = createServices(deps),
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // Per-request log lines only when debugging: at 2,000 req/s they cost more than they tell.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  // The API speaks JSON only: any other body type is a clear 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, await installWebApp(app, config.webDir));
  installRequestMetrics(app, deps.metrics);
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'InstaInstru API',
        version: '1',
        description: 'Lesson marketplace API. Money in integer cents.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  if (config.rateLimitPerMin > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMin,
      timeWindow: 60_000,
      redis: deps.redis,
      nameSpace: `${deps.keyPrefix}rl:general:`,
      // Per client: its session when it has one (many students share an address), else its IP.
      keyGenerator: (req) => {
        const h = req.headers.authorization ?? req.cookies?.ii_session;
        return h ? `s:${hashIp(config.ipHashSalt, h)}` : `ip:${hashIp(config.ipHashSalt, req.ip)}`;
      },
      allowList: (req) => req.url === '/health' || req.url === '/ready' || req.url === '/metrics',
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        ...errorBody('RATE_LIMITED', `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`),
      }),
    });
  }

  installSessionAuth(app, deps, services.access);
  // Queued search history and events reach the database before it closes.
  app.addHook('onClose', () => services.searchRecorder.close());
  await app.register(opsRoutes(deps));
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps, services.auth, services.passwordResets));
      await api.register(catalogRoutes(services.catalog));
      await api.register(adminUsersRoutes(services.adminUsers));
      await api.register(instructorsRoutes(services));
      await api.register(availabilityRoutes(services));
      await api.register(publicAvailabilityRoutes(services));
      await api.register(bookingsRoutes(services.bookings));
      await api.register(searchRoutes(deps, services.search, services.searchHistory));
    },
    { prefix: '/api/v1' },
  );
  return app;
}
