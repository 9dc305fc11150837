/** Shapes of the API responses the web app reads (the server's views, see /api/docs). */

export interface Me {
  id: string;
  email: string;
  fullName: string;
  timezone: string;
  accountStatus: 'active' | 'suspended' | 'deactivated';
  roles: string[];
  permissions: string[];
}

export interface Area {
  boroughSlug: string;
  borough: string;
  neighborhoodSlug: string | null;
  neighborhood: string | null;
}

export type LocationType = 'online' | 'student_place' | 'instructor_place';
export type Level = 'beginner' | 'intermediate' | 'advanced';
export type AgeGroup = 'kids' | 'teens' | 'adults';

export interface ServiceRef {
  id: string;
  slug: string;
  name: string;
  categorySlug?: string;
}

export interface CatalogService {
  id: string;
  slug: string;
  name: string;
  instructorCount: number;
  minRateCents: number | null;
  maxRateCents?: number | null;
  searchTerms?: string[];
  typicalDurations?: number[];
  onlineCapable?: boolean;
}

export interface CatalogCategory {
  id: string;
  slug: string;
  name: string;
  subtitle: string;
  icon: string;
  services: CatalogService[];
}

export interface SearchParsed {
  services: { id: string; slug: string; name: string; matchedBy: string }[];
  category: { slug: string; name: string } | string | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  cheap: boolean;
  date: string | null;
  dateTo: string | null;
  timeOfDay: 'morning' | 'afternoon' | 'evening' | null;
  timeFromMinutes: number | null;
  timeToMinutes: number | null;
  borough: string | null;
  neighborhood: string | null;
  nearMe: boolean;
  format: string | null;
  level: Level | null;
  ageGroup: AgeGroup | null;
  durationMinutes: number | null;
  unmatchedWords: string[];
}

export interface SearchResult {
  instructorServiceId: string;
  instructor: { id: string; name: string; areas: Area[] };
  service: ServiceRef;
  hourlyRateCents: number;
  durations: number[];
  locationTypes: LocationType[];
  levels: Level[];
  ageGroups: AgeGroup[];
  nextAvailableAt: string | null;
  /** The first free start and the next half hours that day: instant plus the instructor's local date/time. */
  nextTimes: { startsAt: string; date: string; time: string }[];
  rating: number | null;
  reviewCount: number;
  matchReason: string;
}

export interface SearchResponse {
  query: string;
  parsed: SearchParsed;
  interpretation: 'service' | 'multi_service' | 'category' | 'broad';
  results: SearchResult[];
  total: number;
  page: number;
  perPage: number;
  searchEventId: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export interface HistoryEntry {
  id: string;
  query: string;
  searchType: string;
  searchCount: number;
  lastSearchedAt: string;
}

export interface Offering {
  instructorServiceId: string;
  service: ServiceRef;
  hourlyRateCents: number;
  durations: number[];
  description: string | null;
  levels: Level[];
  ageGroups: AgeGroup[];
  locationTypes: LocationType[];
  active: boolean;
}

export interface InstructorProfile {
  id: string;
  name: string;
  bio: string;
  yearsExperience: number;
  areas: Area[];
  timezone: string;
  rating: number | null;
  reviewCount: number;
  services: Offering[];
}

export interface AvailabilityDay {
  date: string;
  isBlackout: boolean;
  ranges: { start: string; end: string }[];
  startTimes: string[];
}

export interface PublicAvailability {
  instructorId: string;
  timezone: string;
  duration: number;
  earliestAvailableDate: string | null;
  earliestAvailableAt: string | null;
  days: AvailabilityDay[];
}

export type BookingStatus = 'confirmed' | 'completed' | 'cancelled' | 'no_show';

export interface Booking {
  id: string;
  status: BookingStatus;
  studentId: string;
  instructorId: string;
  instructorServiceId: string;
  service: ServiceRef;
  instructor: { id: string; name: string };
  student: { id: string; name: string };
  date: string;
  startTime: string;
  endTime: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  hourlyRateCents: number;
  priceCents: number;
  locationType: LocationType;
  studentAddress: string | null;
  note: string | null;
  cancellationFeeCents: number | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface CancellationPolicy {
  freeHours: number;
  partialHours: number;
  partialPercent: number;
  latePercent: number;
}

export interface CancellationQuote {
  feeCents: number;
  percent: number;
  hoursBeforeStart: number;
  policy: CancellationPolicy;
}

/** GET /bookings/terms: what every booking is made under. */
export interface BookingTerms {
  cancellation: CancellationPolicy;
  rescheduleMinHours: number;
}

export interface BookingDetail extends Booking {
  cancellationQuote: CancellationQuote | null;
}

export interface BookAgainItem {
  instructor: { id: string; name: string };
  instructorServiceId: string;
  service: ServiceRef;
  hourlyRateCents: number;
  durations: number[];
  lastLessonAt: string;
}

export type AccountStatus = Me['accountStatus'];

/** GET /admin/users items. */
export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  timezone: string;
  accountStatus: AccountStatus;
  statusChangedAt: string | null;
  /** Why an admin set the current status; null for self-service changes. */
  statusReason: string | null;
  roles: string[];
  createdAt: string;
}

export interface AdminUserDetail extends AdminUser {
  permissions: string[];
}

export interface PermissionInfo {
  name: string;
  scope: 'shared' | 'student' | 'instructor' | 'admin';
  description: string;
}
