import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEvents, searchHistory } from '../../db/schema/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const search = (q: string, o: { token?: string; guest?: string; headers?: Record<string, string> } = {}) =>
  t.request({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}`,
    token: o.token,
    headers: { ...(o.guest ? { 'x-guest-session-id': o.guest } : {}), ...o.headers },
  });
const history = (o: { token?: string; guest?: string }) =>
  t.request({
    method: 'GET',
    url: '/api/v1/search-history',
    token: o.token,
    headers: o.guest ? { 'x-guest-session-id': o.guest } : {},
  });
let g = 0;
const guestId = () => `guest-${Date.now()}-${++g}`;

describe('search history', () => {
  it('concurrent identical searches by one user leave one row with the right count', async () => {
    const u = await t.user();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        search(i % 2 ? 'Piano lessons' : '  piano LESSONS ', { token: u.token }),
      ),
    );
    const res = await history({ token: u.token });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ searchCount: 12 });
    const rows = await t.deps.db.select().from(searchHistory).where(eq(searchHistory.userId, u.id));
    expect(rows).toHaveLength(1);
  });

  it('lists the most recent first, deletes softly, and a repeat brings a deleted query back', async () => {
    const u = await t.user();
    for (const q of ['guitar', 'yoga', 'chess']) await search(q, { token: u.token });
    const items = (await history({ token: u.token })).json().items;
    expect(items.map((i: { query: string }) => i.query)).toEqual(['chess', 'yoga', 'guitar']);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/search-history/${items[0].id}`,
      token: u.token,
    });
    expect(del.statusCode).toBe(204);
    expect((await history({ token: u.token })).json().items.map((i: { query: string }) => i.query)).toEqual([
      'yoga',
      'guitar',
    ]);
    await search('Chess', { token: u.token });
    const back = (await history({ token: u.token })).json().items;
    expect(back[0]).toMatchObject({ query: 'Chess', searchCount: 2 });
  });

  it('a history row belongs to its owner: others, guests and anonymous get 404 or 400', async () => {
    const [a, b] = [await t.user(), await t.user()];
    await search('violin', { token: a.token });
    const [row] = (await history({ token: a.token })).json().items;
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/search-history/${row.id}`, token: b.token }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/search-history/${row.id}`,
          headers: { 'x-guest-session-id': guestId() },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/search-history/${row.id}` })).statusCode).toBe(
      400,
    );
    const admin = await t.user({ roles: ['admin'] });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/search-history/${row.id}`, token: admin.token }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: '/api/v1/search-history/nope', token: a.token })).statusCode,
    ).toBe(404);
  });

  it("a guest's searches move to the account at login, duplicates merged", async () => {
    const u = await t.user();
    await search('spanish', { token: u.token });
    const guest = guestId();
    await search('spanish', { guest });
    await search('french', { guest });
    expect((await history({ guest })).json().items).toHaveLength(2);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD, guestSessionId: guest },
    });
    expect(login.statusCode).toBe(200);
    const items = (await history({ token: u.token })).json().items;
    expect(items.map((i: { query: string }) => i.query).sort()).toEqual(['french', 'spanish']);
    expect(items.find((i: { query: string }) => i.query === 'spanish').searchCount).toBe(2);
    expect((await history({ guest })).json().items).toHaveLength(0);
  });

  it('a malformed guest session id is a 400', async () => {
    expect((await search('piano', { guest: 'bad id!' })).statusCode).toBe(400);
  });
});

describe('search events and interactions', () => {
  it('records an enriched event with a hashed IP, never the raw one', async () => {
    const res = await search('piano', {
      headers: {
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
        referer: 'https://example.com/blog',
      },
    });
    const { searchEventId } = res.json();
    await t.services.searchRecorder.flush();
    const [e] = await t.deps.db.select().from(searchEvents).where(eq(searchEvents.id, searchEventId));
    expect(e).toMatchObject({
      query: 'piano',
      deviceType: 'mobile',
      os: 'iOS',
      referrer: 'https://example.com/blog',
      searchType: 'natural_language',
    });
    expect(e!.browser).toMatch(/Safari/);
    expect(e!.ipHash).toBeTruthy();
    expect(JSON.stringify(e)).not.toContain('127.0.0.1');
  });

  it('marks a returning searcher', async () => {
    const guest = guestId();
    const first = (await search('yoga', { guest })).json().searchEventId;
    const second = (await search('pilates', { guest })).json().searchEventId;
    await t.services.searchRecorder.flush();
    const rows = await t.deps.db.select().from(searchEvents).where(eq(searchEvents.guestSessionId, guest));
    expect(rows.find((r) => r.id === first)!.isReturningUser).toBe(false);
    expect(rows.find((r) => r.id === second)!.isReturningUser).toBe(true);
  });

  it('accepts interactions on your own search only', async () => {
    const guest = guestId();
    const { searchEventId } = (await search('chess', { guest })).json();
    const send = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: '/api/v1/search/interactions',
        headers,
        payload: { searchEventId, kind: 'click', position: 2, timeToInteractionMs: 1500, ...body },
      });
    expect((await send({ 'x-guest-session-id': guest })).statusCode).toBe(202);
    expect((await send({ 'x-guest-session-id': guestId() })).statusCode).toBe(404);
    expect((await send({ 'x-guest-session-id': guest }, { kind: 'hover' })).statusCode).toBe(400);
  });
});
