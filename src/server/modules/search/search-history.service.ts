import type { FastifyRequest } from 'fastify';
import type { SearchType } from '../../../contracts/search.js';
import type { AppDeps } from '../../platform/deps.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import { guestSessionHeader } from '../../../contracts/search.js';
import type { SearchOwner } from './search-history.repo.js';
import {
  moveGuestHistoryToUser,
  recentHistory,
  softDeleteHistory,
  upsertHistory,
  trimHistory,
} from './search-history.repo.js';
import type { SearchRecorder } from './search-recorder.js';
import { searchEventOwner } from './search-events.repo.js';

/** The signed-in user, else the guest named by X-Guest-Session-Id, else nobody. */
export function searchOwnerOf(req: FastifyRequest): SearchOwner | null {
  if (req.auth) return { userId: req.auth.user.id };
  const raw = req.headers['x-guest-session-id'];
  if (raw === undefined) return null;
  const parsed = guestSessionHeader.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success)
    throw badRequest('INVALID_GUEST_SESSION', 'X-Guest-Session-Id must be 8-64 letters, digits, - or _.');
  return { guestSessionId: parsed.data };
}

export class SearchHistoryService {
  constructor(
    private readonly deps: AppDeps,
    private readonly recorder: SearchRecorder,
  ) {}

  private require(owner: SearchOwner | null): SearchOwner {
    if (!owner)
      throw badRequest('NO_SEARCH_OWNER', 'Sign in or send X-Guest-Session-Id to keep recent searches.');
    return owner;
  }

  async recent(owner: SearchOwner | null, limit: number) {
    const o = this.require(owner);
    await this.recorder.flush();
    const rows = await recentHistory(this.deps.db, o, limit);
    // Only ever written from the request contract's search types.
    const items = rows.map((r) => ({
      ...r,
      searchType: r.searchType as SearchType,
      lastSearchedAt: r.lastSearchedAt.toISOString(),
    }));
    return { items, total: items.length, page: 1, perPage: limit };
  }

  async record(owner: SearchOwner | null, query: string, searchType: string) {
    const o = this.require(owner);
    await this.recorder.flush();
    const grown = await upsertHistory(this.deps.db, [
      { owner: o, query, searchType, resultCount: 0, at: this.deps.clock.now() },
    ]);
    await trimHistory(this.deps.db, grown);
  }

  async remove(owner: SearchOwner | null, id: string) {
    const o = this.require(owner);
    await this.recorder.flush();
    if (!isUuid(id) || !(await softDeleteHistory(this.deps.db, o, id, this.deps.clock.now())))
      throw notFound('Search');
  }

  /** Called at signup and login with the guest session the browser kept. */
  async adoptGuestHistory(userId: string, guestSessionId: string | undefined) {
    if (!guestSessionId) return;
    await this.recorder.flush();
    await moveGuestHistoryToUser(this.deps.db, guestSessionId, userId, this.deps.clock.now());
  }

  /** Result interactions are only accepted for the caller's own search event. */
  async interaction(
    owner: SearchOwner | null,
    body: {
      searchEventId: string;
      kind: 'view' | 'click' | 'book';
      instructorServiceId?: string;
      position?: number;
      timeToInteractionMs?: number;
    },
  ) {
    await this.recorder.flush();
    const event = await searchEventOwner(this.deps.db, body.searchEventId);
    const mine =
      event &&
      (owner?.userId
        ? event.userId === owner.userId
        : owner?.guestSessionId
          ? event.guestSessionId === owner.guestSessionId
          : !event.userId && !event.guestSessionId);
    if (!mine) throw notFound('Search event');
    this.recorder.record({
      kind: 'interaction',
      row: {
        searchEventId: body.searchEventId,
        kind: body.kind,
        instructorServiceId: body.instructorServiceId ?? null,
        position: body.position ?? null,
        timeToInteractionMs: body.timeToInteractionMs ?? null,
        userId: owner?.userId ?? null,
        guestSessionId: owner?.guestSessionId ?? null,
        createdAt: this.deps.clock.now(),
      },
    });
  }
}
