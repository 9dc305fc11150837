import type { SavedInstructor } from '../../../contracts/saved-instructors.js';
import { MAX_SAVED_INSTRUCTORS } from '../../../contracts/saved-instructors.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, notFound, unprocessable } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import type { InstructorsService } from '../instructors/instructors.service.js';
import * as repo from './saved-instructors.repo.js';

/**
 * A person's shortlist of instructors (issue 17). Always the caller's own list: no route takes
 * another person's id, so nobody can read or change someone else's. Instructors who are no longer
 * active (suspended, deactivated, erased) drop out of every list that shows them.
 */
export class SavedInstructorsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly instructors: InstructorsService,
    private readonly max = MAX_SAVED_INSTRUCTORS,
  ) {}

  async save(auth: AuthContext, instructorId: string) {
    if (instructorId === auth.user.id) throw unprocessable('CANNOT_SAVE_SELF', 'You cannot save yourself.');
    if (!isUuid(instructorId) || !(await this.instructors.isActiveInstructor(instructorId)))
      throw notFound('Instructor');
    const outcome = await repo.saveWithinCap(
      this.deps.db,
      auth.user.id,
      instructorId,
      this.max,
      this.deps.clock.now(),
    );
    if (outcome === 'full')
      throw conflict(
        'SAVED_INSTRUCTORS_FULL',
        `You can save up to ${this.max} instructors. Remove one to save another.`,
        { max: this.max },
      );
    return { instructorId, saved: true };
  }

  /** Removing one that is not saved (or not an instructor at all) is not an error: the end state is the same. */
  async unsave(auth: AuthContext, instructorId: string) {
    if (isUuid(instructorId)) await repo.unsave(this.deps.db, auth.user.id, instructorId);
    return { instructorId, saved: false };
  }

  async list(auth: AuthContext): Promise<{ items: SavedInstructor[]; max: number }> {
    const rows = await repo.savedBy(this.deps.db, auth.user.id);
    const cards = await this.instructors.cardsOf(rows.map((r) => r.instructorId));
    const items = rows.flatMap((r) => {
      const c = cards.get(r.instructorId);
      if (!c) return [];
      const rates = c.services.map((s) => s.hourlyRateCents);
      return [
        {
          id: r.instructorId,
          ...c,
          minRateCents: rates.length ? Math.min(...rates) : null,
          profilePath: `/instructors/${r.instructorId}`,
          savedAt: r.savedAt.toISOString(),
        },
      ];
    });
    return { items, max: this.max };
  }

  /** Just the ids, for hearts on search cards and profiles; inactive instructors left out too. */
  async ids(auth: AuthContext) {
    return { ids: await repo.activeSavedIds(this.deps.db, auth.user.id) };
  }
}
