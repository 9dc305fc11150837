import { join } from 'node:path';
import { MODULE_JOBS } from './module-jobs.js';
import { defineModuleJobs } from './platform/jobs/register-jobs.js';
import { PasswordHasher } from './platform/auth/password.js';
import { UserAccess } from './platform/access/user-access.js';
import type { AppDeps } from './platform/deps.js';
import { AccountStatusService } from './modules/accounts/account-status.service.js';
import { AuthService } from './modules/accounts/auth.service.js';
import { EmailPreferencesService } from './modules/accounts/email-preferences.service.js';
import { EmailVerificationService } from './modules/accounts/email-verification.service.js';
import { PasswordResetService } from './modules/accounts/password-reset.service.js';
import { UserDirectoryService } from './modules/accounts/user-directory.service.js';
import { AdminUsersService } from './modules/admin/admin-users.service.js';
import { AuditLogService } from './modules/admin/audit-log.service.js';
import { AnalyticsService } from './modules/analytics/analytics.service.js';
import { PrivacyService } from './modules/privacy/privacy.service.js';
import { OperationsService, QUEUE_NAME } from './modules/operations/operations.service.js';
import { AreasService } from './modules/areas/areas.service.js';
import { AvailabilityService } from './modules/availability/availability.service.js';
import { PublicAvailabilityService } from './modules/availability/public-availability.service.js';
import { BookingsService } from './modules/bookings/bookings.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { PageMetaService } from './modules/seo/page-meta.service.js';
import { RatingsService } from './modules/reviews/ratings.service.js';
import { ReviewsService } from './modules/reviews/reviews.service.js';
import { SavedInstructorsService } from './modules/saved-instructors/saved-instructors.service.js';
import { MessagingService } from './modules/messaging/messaging.service.js';
import { EventHub } from './platform/events/event-hub.js';
import { InstructorsService } from './modules/instructors/instructors.service.js';
import { PhotosService } from './modules/photos/photos.service.js';
import { FileSystemPhotoStorage } from './platform/storage/filesystem-photo-storage.js';
import { OfferingIndex } from './modules/search/offering-index.js';
import { SearchHistoryService } from './modules/search/search-history.service.js';
import { SearchMatching } from './modules/search/search-matching.js';
import { SearchRecorder } from './modules/search/search-recorder.js';
import { SearchService } from './modules/search/search.service.js';
import { Geolocator } from './modules/geo/geolocator.js';
import { semanticFactory } from './modules/search/semantic/semantic-matcher.js';

/** The use-case layer, wired once per app; domains meet here, not by importing each other's internals. */
export function createServices(deps: AppDeps) {
  const hasher = new PasswordHasher(deps.config.fastHashing);
  const access = new UserAccess(deps);
  const accountStatus = new AccountStatusService(deps, access);
  const catalog = new CatalogService(deps);
  const availability = new AvailabilityService(deps);
  const areas = new AreasService(deps);
  const bookings = new BookingsService(deps, availability);
  const instructors = new InstructorsService(
    deps,
    catalog,
    availability,
    accountStatus,
    access,
    bookings,
    areas,
  );
  // Photo bytes under DATA_DIR; an S3-compatible PhotoStorage can take its place at scale.
  const photos = new PhotosService(deps, new FileSystemPhotoStorage(join(deps.config.dataDir, 'photos')));
  // Search keeps each offering's photo key in its index: a new photo is an offering change there.
  photos.onChange(() => catalog.invalidate());
  const events = new EventHub(deps, deps.config.sseHeartbeatMs);
  const messaging = new MessagingService(deps, bookings, events);
  instructors.replyTimeFrom((id) => messaging.replyTimeMinutes(id));
  const ratings = new RatingsService(deps);
  const reviews = new ReviewsService(deps, bookings, ratings);
  instructors.ratingsFrom(ratings);
  defineModuleJobs(deps.jobs, deps, MODULE_JOBS);
  const offeringIndex = new OfferingIndex(deps, availability);
  catalog.onInvalidate(() => offeringIndex.offeringsChanged());
  availability.onChange((id) => offeringIndex.scheduleChanged(id));
  const searchRecorder = new SearchRecorder(deps.db, deps.log);
  const searchHistory = new SearchHistoryService(deps, searchRecorder);
  const search = new SearchService(
    deps,
    offeringIndex,
    new SearchMatching(deps, catalog, semanticFactory(deps.log)),
    catalog,
    searchRecorder,
    areas,
    ratings,
    (userId, after) => bookings.busyTimes(userId, after),
    new Geolocator(deps),
  );
  const privacy = new PrivacyService(deps, hasher, access, bookings, availability, catalog);
  privacy.queuedSearchesFrom(() => searchRecorder.flush());
  const emailVerification = new EmailVerificationService(deps);
  // A verified instructor enters search, the instructor list and the catalog counts.
  emailVerification.onVerified(() => catalog.invalidate());
  const auth = new AuthService(deps, hasher, access, emailVerification);
  auth.onSignedIn((userId, guestSessionId) => searchHistory.adoptGuestHistory(userId, guestSessionId));
  auth.onInstructorSignup((tx, userId, timezone) => instructors.createEmptyProfile(userId, timezone, tx));
  accountStatus.onChange(async (userId, to) => {
    if (to === 'deactivated') await bookings.cancelFutureLessonsOf(userId, 'The account was deactivated.');
    if (to !== 'active') await availability.invalidate(userId);
    await catalog.invalidate();
  });
  const operations = new OperationsService(deps);
  // Scrape-time figures for /metrics: queue depth from the runner, outbox from its table.
  deps.metrics.readFrom({
    jobCounts: async () => ({ queue: QUEUE_NAME, counts: (await deps.jobs.stats()).counts }),
    outbox: () => operations.outboxMetrics(),
    sseConnections: () => events.openCount,
  });
  return {
    hasher,
    access,
    accountStatus,
    catalog,
    availability,
    publicAvailability: new PublicAvailabilityService(deps, (userId, after) =>
      bookings.busyTimes(userId, after),
    ),
    instructors,
    photos,
    bookings,
    events,
    messaging,
    ratings,
    reviews,
    savedInstructors: new SavedInstructorsService(deps, instructors),
    auth,
    emailVerification,
    offeringIndex,
    searchRecorder,
    searchHistory,
    search,
    passwordResets: new PasswordResetService(deps, hasher),
    emailPreferences: new EmailPreferencesService(deps),
    analytics: new AnalyticsService(deps),
    privacy,
    adminUsers: new AdminUsersService(deps, access, accountStatus, new UserDirectoryService(deps)),
    operations,
    auditLog: new AuditLogService(deps),
    pageMeta: new PageMetaService(deps, catalog, instructors),
  };
}

export type Services = ReturnType<typeof createServices>;
