import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { installSessionAuth } from './platform/auth/session-auth.js';
import type { AppDeps } from './platform/deps.js';
import { answerClientError, answerFrameworkError } from './platform/http/client-errors.js';
import { contractSerializerCompiler } from './platform/http/contract-serializer.js';
import { installCompression } from './platform/http/compression.js';
import { installErrorHandling } from './platform/http/error-handler.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installRouteContracts } from './platform/http/route-contracts.js';
import { requestValidatorCompiler } from './platform/http/request-validator.js';
import { installWebApp } from './platform/http/web-app.js';
import { installGeneralLimit } from './platform/limits/general-limit.js';
import { installRequestMetrics } from './platform/metrics/request-metrics.js';
import { opsRoutes } from './platform/ops.routes.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import {
  emailPreferencesRoutes,
  oneClickUnsubscribeRoutes,
} from './modules/accounts/email-preferences.routes.js';
import { adminUsersRoutes } from './modules/admin/admin-users.routes.js';
import { auditLogRoutes } from './modules/admin/audit-log.routes.js';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import { availabilityRoutes, publicAvailabilityRoutes } from './modules/availability/availability.routes.js';
import { bookingsRoutes } from './modules/bookings/bookings.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { instructorsRoutes } from './modules/instructors/instructors.routes.js';
import { photosRoutes } from './modules/photos/photos.routes.js';
import { reviewsRoutes } from './modules/reviews/reviews.routes.js';
import { savedInstructorsRoutes } from './modules/saved-instructors/saved-instructors.routes.js';
import { messagingRoutes } from './modules/messaging/messaging.routes.js';
import { moderationRoutes } from './modules/messaging/moderation.routes.js';
import { eventsRoutes } from './platform/events/events.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { seoRoutes } from './modules/seo/seo.routes.js';
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
    // Errors before a request exists (bad header bytes, oversized headers, bad URL encoding)
    // answer in the API's error shape too.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  // The API speaks JSON only: any other body type is a clear 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(requestValidatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  installErrorHandling(app, await installWebApp(app, config.webDir));
  installRequestMetrics(app, deps.metrics);
  installSecurityHeaders(app, config.publicUrl);
  await app.register(cookie);
  await installCompression(app);

  await app.register(swagger, {
    openapi: {
      // 3.1: JSON Schema 2020-12, so null is a type and an answer without a body has no content.
      openapi: '3.1.0',
      info: {
        title: 'InstaInstru API',
        version: '1',
        description: 'Lesson marketplace API. Money in integer cents.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'The instance serving this document' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A session token from POST /api/v1/auth/login.',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'ii_session', description: 'The web app session.' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page brings its own, looser Content-Security-Policy (its inline styles).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installRouteContracts(app, { check: config.checkResponseContracts });
  installGeneralLimit(app, deps);

  installSessionAuth(app, deps, services.access);
  // Queued search history and events reach the database before it closes.
  app.addHook('onClose', () => services.searchRecorder.close());
  await app.register(opsRoutes(deps));
  await app.register(seoRoutes(services.pageMeta, config.webDir));
  await app.register(oneClickUnsubscribeRoutes(services.emailPreferences));
  await app.register(
    async (api) => {
      await api.register(
        authRoutes(deps, services.auth, services.passwordResets, services.emailVerification),
      );
      await api.register(emailPreferencesRoutes(services.emailPreferences));
      await api.register(catalogRoutes(services.catalog));
      await api.register(adminUsersRoutes(services.adminUsers));
      await api.register(auditLogRoutes(services.auditLog));
      await api.register(analyticsRoutes(services.analytics));
      await api.register(privacyRoutes(services.privacy));
      await api.register(operationsRoutes(services.operations));
      await api.register(photosRoutes(services.photos));
      await api.register(instructorsRoutes(services));
      await api.register(availabilityRoutes(services));
      await api.register(publicAvailabilityRoutes(services));
      await api.register(bookingsRoutes(services.bookings));
      await api.register(searchRoutes(deps, services.search, services.searchHistory));
      await api.register(messagingRoutes(services.messaging));
      await api.register(moderationRoutes(services.messaging));
      await api.register(reviewsRoutes(services.reviews));
      await api.register(savedInstructorsRoutes(services.savedInstructors));
      await api.register(eventsRoutes(services.events));
    },
    { prefix: '/api/v1' },
  );
  return app;
}
