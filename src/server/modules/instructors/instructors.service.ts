import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { addRoles } from '../../platform/access/rbac.repo.js';
import type { UserAccess } from '../../platform/access/user-access.js';
import type { AppDeps } from '../../platform/deps.js';
import { badRequest, conflict, notFound, unprocessable } from '../../platform/http/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { isUuid } from '../../platform/ids.js';
import type { AccountStatusService } from '../accounts/account-status.service.js';
import type { AreasService } from '../areas/areas.service.js';
import type { AccountStatus } from '../../../contracts/accounts.js';
import type { Db } from '../../db/client.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { BookingsService } from '../bookings/bookings.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type {
  AddOfferingInput,
  InstructorListItem,
  ListInstructorsQuery,
  UpdateOfferingInput,
  UpdateProfileInput,
} from '../../../contracts/instructors.js';
import type { RatingsSnapshot } from '../reviews/ratings.js';
import { EMPTY_RATINGS } from '../reviews/ratings.js';
import * as repo from './instructors.repo.js';
import { languagesView, offeringView, photoUrlFrom, publicName } from './instructor-views.js';

/** The card's "4.8 · 23 reviews": the mean and count of published reviews (null/0 when none). */
function ratingFields(s: RatingsSnapshot, id: string, photoKey: string | null) {
  const r = s.byInstructor.get(id);
  // The web app draws its own placeholder when photoUrl is null.
  return { rating: r?.mean ?? null, reviewCount: r?.count ?? 0, photoUrl: photoUrlFrom(photoKey) };
}

export class InstructorsService {
  private replyTime: (instructorId: string) => Promise<number | null> = async () => null;
  private ratings: { snapshot(): Promise<RatingsSnapshot> } = { snapshot: async () => EMPTY_RATINGS };

  constructor(
    private readonly deps: AppDeps,
    private readonly catalog: CatalogService,
    private readonly availability: AvailabilityService,
    private readonly accountStatus: AccountStatusService,
    private readonly access: UserAccess,
    private readonly bookings: BookingsService,
    private readonly areas: AreasService,
  ) {}

  /** Offerings, areas and status feed the catalog counts and search: both are told of any change. */
  private async changed(instructorId: string, scheduleToo = false) {
    await this.catalog.invalidate();
    if (scheduleToo) await this.availability.invalidate(instructorId);
  }

  async list(q: ListInstructorsQuery) {
    const filter = repo.listFilter(q);
    const { ids, total } = await repo.pageOfInstructors(
      this.deps.db,
      filter,
      q.perPage,
      offsetOf(q.page, q.perPage),
    );
    const [profiles, areas, offerings, ratings] = await Promise.all([
      Promise.all(ids.map((id) => repo.findProfile(this.deps.db, id))),
      repo.areasOf(this.deps.db, ids),
      repo.offeringsOf(this.deps.db, ids, filter),
      this.ratings.snapshot(),
    ]);
    const items = profiles.flatMap((p) => {
      if (!p) return [];
      const mine = offerings.get(p.userId) ?? [];
      return [
        {
          id: p.userId,
          name: publicName(p.fullName),
          bio: p.bio,
          yearsExperience: p.yearsExperience,
          areas: areas.get(p.userId) ?? [],
          timezone: p.timezone,
          ...ratingFields(ratings, p.userId, p.photoKey),
          languages: languagesView(p.languages),
          services: mine.map(offeringView),
          minRateCents: Math.min(...mine.map((o) => o.hourlyRateCents)),
        },
      ];
    });
    return { items, total, page: q.page, perPage: q.perPage };
  }

  /**
   * Card fields of active instructors (others are left out), with their active offerings, by id:
   * what a saved-instructors list shows.
   */
  async cardsOf(ids: string[]) {
    const out = new Map<
      string,
      Pick<InstructorListItem, 'name' | 'photoUrl' | 'rating' | 'reviewCount' | 'areas' | 'services'>
    >();
    const wanted = ids.filter(isUuid);
    if (!wanted.length) return out;
    const [profiles, areas, offerings, ratings] = await Promise.all([
      Promise.all(wanted.map((id) => repo.findProfile(this.deps.db, id))),
      repo.areasOf(this.deps.db, wanted),
      repo.offeringsOf(this.deps.db, wanted, repo.ACTIVE_OFFERINGS),
      this.ratings.snapshot(),
    ]);
    for (const p of profiles) {
      if (!p || p.accountStatus !== 'active') continue;
      const { rating, reviewCount, photoUrl } = ratingFields(ratings, p.userId, p.photoKey);
      out.set(p.userId, {
        name: publicName(p.fullName),
        photoUrl,
        rating,
        reviewCount,
        areas: areas.get(p.userId) ?? [],
        services: (offerings.get(p.userId) ?? []).map(offeringView),
      });
    }
    return out;
  }

  /** Whether the id is an active instructor other people may save. */
  async isActiveInstructor(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const p = await repo.findProfile(this.deps.db, id);
    return !!p && p.accountStatus === 'active';
  }

  /** Where the profile's reply time comes from (messaging knows it). */
  replyTimeFrom(source: (instructorId: string) => Promise<number | null>): void {
    this.replyTime = source;
  }

  /** Where ratings come from (the reviews module's in-memory aggregate). */
  ratingsFrom(source: { snapshot(): Promise<RatingsSnapshot> }): void {
    this.ratings = source;
  }

  /** Public profile: active instructors only, except for themselves and user administrators. */
  async publicProfile(id: string, viewer: AuthContext | null) {
    const p = isUuid(id) ? await repo.findProfile(this.deps.db, id) : undefined;
    const privileged = viewer && (viewer.user.id === id || viewer.permissions.has('view_all_users'));
    if (!p || (p.accountStatus !== 'active' && !privileged)) throw notFound('Instructor');
    const [areas, offerings, replyTimeMinutes, ratings] = await Promise.all([
      repo.areasOf(this.deps.db, [id]),
      repo.offeringsOf(this.deps.db, [id]),
      this.replyTime(id),
      this.ratings.snapshot(),
    ]);
    return {
      id,
      replyTimeMinutes,
      name: publicName(p.fullName),
      bio: p.bio,
      yearsExperience: p.yearsExperience,
      areas: areas.get(id) ?? [],
      timezone: p.timezone,
      ...ratingFields(ratings, id, p.photoKey),
      languages: languagesView(p.languages),
      services: (offerings.get(id) ?? []).filter((o) => o.active).map(offeringView),
    };
  }

  /**
   * Gives a new instructor account its empty profile, in the zone of the account; `db` lets the
   * caller make it part of the transaction that creates the account.
   */
  async createEmptyProfile(userId: string, timezone: string, db: Db = this.deps.db): Promise<void> {
    await repo.insertEmptyProfileIfMissing(db, userId, timezone);
  }

  private async ownProfile(userId: string) {
    let p = await repo.findProfile(this.deps.db, userId);
    if (!p) {
      // An instructor account always has a profile to edit.
      await repo.insertEmptyProfileIfMissing(this.deps.db, userId, DEFAULT_TIME_ZONE);
      p = (await repo.findProfile(this.deps.db, userId))!;
    }
    return p;
  }

  async me(auth: AuthContext) {
    const p = await this.ownProfile(auth.user.id);
    const [areas, offerings] = await Promise.all([
      repo.areasOf(this.deps.db, [p.userId]),
      repo.offeringsOf(this.deps.db, [p.userId]),
    ]);
    return {
      id: p.userId,
      name: p.fullName,
      accountStatus: p.accountStatus,
      bio: p.bio,
      yearsExperience: p.yearsExperience,
      areas: areas.get(p.userId) ?? [],
      timezone: p.timezone,
      minAdvanceHours: p.minAdvanceHours,
      bufferMinutes: p.bufferMinutes,
      maxDaysAhead: p.maxDaysAhead,
      languages: languagesView(p.languages),
      address: p.address,
      onlineLink: p.onlineLink,
      photoUrl: photoUrlFrom(p.photoKey),
      services: (offerings.get(p.userId) ?? []).map(offeringView),
    };
  }

  async updateMe(auth: AuthContext, input: UpdateProfileInput) {
    await this.ownProfile(auth.user.id);
    const { areas, ...fields } = input;
    await this.deps.db.transaction(async (tx) => {
      if (areas) {
        const { areas: resolved, unknown } = await this.areas.resolve(areas, tx);
        if (unknown.length)
          throw badRequest('UNKNOWN_AREA', `Unknown area: ${unknown.join(', ')}.`, { unknown });
        await repo.replaceAreas(tx, auth.user.id, resolved);
      }
      if (Object.keys(fields).length) await repo.updateProfile(tx, auth.user.id, fields);
    });
    // Zone, buffer, notice and horizon all change bookable time (existing lessons stay as they are).
    await this.changed(auth.user.id, true);
    return this.me(auth);
  }

  /** Self-service: a student becomes an instructor (never an admin). */
  async become(auth: AuthContext) {
    await addRoles(this.deps.db, auth.user.id, ['instructor']);
    await repo.insertEmptyProfileIfMissing(this.deps.db, auth.user.id, auth.user.timezone);
    await this.access.invalidate(auth.user.id);
    return this.me(auth);
  }

  async addOffering(auth: AuthContext, input: AddOfferingInput) {
    await this.ownProfile(auth.user.id);
    const service =
      input.serviceId && !isUuid(input.serviceId)
        ? undefined
        : await this.catalog.findService({ id: input.serviceId, slug: input.serviceSlug });
    if (!service || !service.active)
      throw unprocessable('UNKNOWN_SERVICE', 'Choose a service from the catalog.');
    if (input.locationTypes.includes('online') && !service.onlineCapable) {
      throw unprocessable('ONLINE_NOT_SUPPORTED', `${service.name} is not taught online.`);
    }
    const values = {
      hourlyRateCents: input.hourlyRateCents,
      durations: input.durations,
      description: input.description ?? '',
      firstLesson: input.firstLesson ?? '',
      levels: input.levels,
      ageGroups: input.ageGroups,
      locationTypes: input.locationTypes,
      active: true,
    };
    const existing = await repo.findOfferingOfService(this.deps.db, auth.user.id, service.id);
    if (existing?.active)
      throw conflict('ALREADY_OFFERED', `You already offer ${service.name}.`, {
        instructorServiceId: existing.id,
      });
    const row = existing
      ? await repo.updateOffering(this.deps.db, existing.id, values)
      : await repo.insertOffering(this.deps.db, {
          ...values,
          instructorId: auth.user.id,
          serviceId: service.id,
        });
    await this.changed(auth.user.id);
    return this.ownOfferingView(auth.user.id, row.id);
  }

  private async ownOffering(instructorId: string, id: string) {
    const o = isUuid(id) ? await repo.findOffering(this.deps.db, id) : undefined;
    if (!o || o.instructorId !== instructorId) throw notFound('Service offering');
    return o;
  }

  private async ownOfferingView(instructorId: string, id: string) {
    const all = (await repo.offeringsOf(this.deps.db, [instructorId])).get(instructorId) ?? [];
    return offeringView(all.find((o) => o.id === id)!);
  }

  async updateOffering(auth: AuthContext, id: string, input: UpdateOfferingInput) {
    const o = await this.ownOffering(auth.user.id, id);
    if (input.locationTypes?.includes('online')) {
      const service = await this.catalog.findService({ id: o.serviceId });
      if (!service?.onlineCapable)
        throw unprocessable(
          'ONLINE_NOT_SUPPORTED',
          `${service?.name ?? 'This service'} is not taught online.`,
        );
    }
    await repo.updateOffering(this.deps.db, o.id, input);
    await this.changed(auth.user.id);
    return this.ownOfferingView(auth.user.id, o.id);
  }

  /** An offering with lessons is kept (retired) so bookings keep pointing at it. */
  async removeOffering(auth: AuthContext, id: string) {
    const o = await this.ownOffering(auth.user.id, id);
    const keep = await this.bookings.offeringHasLessons(o.id);
    if (keep) await repo.updateOffering(this.deps.db, o.id, { active: false });
    else await repo.deleteOffering(this.deps.db, o.id);
    await this.changed(auth.user.id);
    return keep ? { deleted: false, deactivated: true } : { deleted: true, deactivated: false };
  }

  /**
   * Pause (suspend) takes the profile out of search and new bookings but keeps every lesson, so
   * it is allowed at any time. Deactivation would cancel upcoming lessons: refused while there are
   * any (409 naming how many), pointing to pause instead. Reactivate any time.
   */
  async changeOwnStatus(auth: AuthContext, action: 'suspend' | 'deactivate' | 'reactivate') {
    const to = action === 'suspend' ? 'suspended' : action === 'deactivate' ? 'deactivated' : 'active';
    if (to === 'deactivated') {
      const n = await this.bookings.futureLessonCount(auth.user.id, 'instructor');
      if (n > 0) {
        const lessons = `${n} upcoming lesson${n === 1 ? '' : 's'}`;
        throw conflict(
          'FUTURE_BOOKINGS',
          `You have ${lessons}. Cancel or teach ${n === 1 ? 'it' : 'them'} before deactivating, or pause your profile instead: it hides you from search and keeps your lessons.`,
          { count: n, alternative: 'suspend' },
        );
      }
    }
    const user = await this.accountStatus.changeOwn(auth.user.id, to);
    // The column's check constraint holds it to the three statuses.
    return { accountStatus: user.accountStatus as AccountStatus };
  }
}
