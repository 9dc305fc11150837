// The API's contracts as the server declares them (src/contracts, see /api/docs). The answers'
// types, and the plain values (vocabularies with their labels, money rules, time zones, areas)
// from contract files that do not load zod: zod schemas stay out of the web bundle
// (src/contracts/contracts-imports.test.ts refuses a value taken from any other file).
export type {
  AccountStatus,
  EmailCategory,
  EmailPreferences,
  EmailVerificationState,
  Me,
  MeResponse,
  ResetRequested,
  ResetTokenInfo,
  SessionResponse,
  SignedIn,
  UnsubscribeInfo,
  Unsubscribed,
} from '../../contracts/accounts.js';
export type {
  AdminUser,
  AdminUserDetail,
  AdminUserPage,
  PermissionInfo,
  PermissionList,
} from '../../contracts/admin.js';
export type {
  AvailabilityWeek,
  Blackout,
  BlackoutPage,
  NextAvailable,
  PatternApplied,
  PublicAvailabilityFull,
  WeekBooking,
  WeekDay,
} from '../../contracts/availability.js';
export type {
  BookAgainList,
  Booking,
  BookingAction,
  BookingDetail,
  BookingPage,
  BookingProposal,
  BookingSchedule,
  BookingStats,
  BookingStatus,
  BookingTerms,
  TimeProposal,
} from '../../contracts/bookings.js';
export type { CatalogService, CatalogTree, TopPerCategory } from '../../contracts/catalog.js';
export type { OpsDatabase, OpsOutbox, OpsQueues, OpsRedis } from '../../contracts/ops.js';
export type {
  AgeGroup,
  Area,
  InstructorStatusChange,
  Language,
  Level,
  LocationType,
  Offering,
  OwnInstructorProfile,
  PublicInstructor as InstructorProfile,
} from '../../contracts/instructors.js';
export type {
  Conversation,
  ConversationPage,
  Message,
  MessageEvent,
  MessageHiddenEvent,
  MessagePage,
  ReadEvent,
  UnreadEvent,
} from '../../contracts/messaging.js';
export type { PermissionName } from '../../contracts/permissions.js';
export type {
  SearchHistoryEntry as HistoryEntry,
  SearchHistoryPage,
  RelaxedStep,
  RelaxKind,
  DidYouMean,
  SearchParsed,
  SearchResponse,
  SearchResult,
} from '../../contracts/search.js';

export {
  AGE_GROUPS,
  AGE_LABEL,
  BOOKING_STATUS_LABEL,
  LESSON_DURATIONS,
  LEVEL_LABEL,
  LEVELS,
  LOCATION_LABEL,
  LOCATION_TYPES,
  MAX_DURATIONS_PER_OFFERING,
} from '../../contracts/lesson-vocabulary.js';
export { MAX_MESSAGE_CHARS } from '../../contracts/message-limits.js';
export { lessonPriceCents } from '../../contracts/money.js';
export { DEFAULT_TIME_ZONE } from '../../contracts/time-zone.js';
export { BOROUGHS } from '../../contracts/areas.generated.js';
export {
  BOOKING_SETTINGS,
  LANGUAGES,
  MAX_LANGUAGES,
  type LanguageCode,
} from '../../contracts/profile-vocabulary.js';
export type { AnalyticsReport, AnalyticsReportName } from '../../contracts/analytics.js';
export type {
  InstructorReviewPage,
  LessonFeedback,
  PublicReview,
  Review,
  ReviewTag,
} from '../../contracts/reviews.js';
export { REVIEW_TAGS } from '../../contracts/review-tags.js';
export type { AuditEntry, AuditLogPage } from '../../contracts/audit.js';
export { AUDIT_ACTION_LABEL, type AuditAction } from '../../contracts/audit-actions.js';
export type { ProfilePhoto } from '../../contracts/photos.js';
export {
  MAX_PHOTO_BYTES,
  MIN_PHOTO_SIDE,
  PHOTO_MEDIA_TYPES,
  photoUrlAtSize,
} from '../../contracts/photo-limits.js';
export type {
  SavedInstructor,
  SavedInstructorIds,
  SavedInstructorList,
} from '../../contracts/saved-instructors.js';
