// The API's answers as the server declares them (src/contracts, see /api/docs). Types only: zod
// schemas stay out of the web bundle, so nothing here may be a value export.
export type {
  AccountStatus,
  Me,
  MeResponse,
  ResetRequested,
  ResetTokenInfo,
  SessionResponse,
  SignedIn,
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
  BookingStats,
  BookingStatus,
  BookingTerms,
} from '../../contracts/bookings.js';
export type { CatalogTree, TopPerCategory } from '../../contracts/catalog.js';
export type {
  AgeGroup,
  Area,
  Level,
  LocationType,
  Offering,
  OwnInstructorProfile,
  PublicInstructor as InstructorProfile,
} from '../../contracts/instructors.js';
export type {
  SearchHistoryEntry as HistoryEntry,
  SearchHistoryPage,
  SearchParsed,
  SearchResponse,
  SearchResult,
} from '../../contracts/search.js';
