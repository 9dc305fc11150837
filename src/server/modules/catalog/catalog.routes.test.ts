import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstructor } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { loadCatalog } from './catalog.loader.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url: `/api/v1${url}`, headers });

describe('catalog', () => {
  it('/catalog/all has 7 categories in display order, 250+ services, none empty, 3+ search terms each', async () => {
    const res = await get('/catalog/all');
    expect(res.statusCode).toBe(200);
    const { categories } = res.json();
    expect(categories.map((c: { slug: string }) => c.slug)).toEqual([
      'music',
      'tutoring',
      'sports-fitness',
      'language',
      'arts',
      'kids',
      'hidden-gems',
    ]);
    const services = categories.flatMap((c: { services: unknown[] }) => c.services);
    expect(services.length).toBeGreaterThanOrEqual(250);
    for (const c of categories) expect(c.services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.searchTerms.length).toBeGreaterThanOrEqual(3);
    expect(categories[0].subtitle).toBe('Instrument · Voice · Theory');
  });

  it('is served pre-compressed with an ETag, and 304 when unchanged', async () => {
    const first = await get('/catalog/all', { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(first.rawPayload).toString()).categories).toHaveLength(7);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/catalog/all', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('counts active instructors and their rate range per service, at once after a change', async () => {
    const before = (await get('/catalog/all')).json();
    const piano = before.categories[0].services.find((s: { slug: string }) => s.slug === 'piano');
    await createInstructor(t, { services: [{ slug: 'piano', hourlyRateCents: 4500 }] });
    await createInstructor(t, { services: [{ slug: 'piano', hourlyRateCents: 9000 }] });
    const after = (await get('/catalog/all'))
      .json()
      .categories[0].services.find((s: { slug: string }) => s.slug === 'piano');
    expect(after.instructorCount).toBe(piano.instructorCount + 2);
    expect(after.minRateCents).toBeLessThanOrEqual(4500);
    expect(after.maxRateCents).toBeGreaterThanOrEqual(9000);
  });

  it('lists a category by slug or id, paginated; an unknown category is 404', async () => {
    const cats = (await get('/catalog/categories')).json();
    expect(cats.total).toBe(7);
    const music = cats.items[0];
    const bySlug = (await get('/catalog/services?category=music&perPage=5')).json();
    const byId = (await get(`/catalog/services?category=${music.id}&perPage=5`)).json();
    expect(bySlug.items).toHaveLength(5);
    expect(byId.items.map((s: { id: string }) => s.id)).toEqual(
      bySlug.items.map((s: { id: string }) => s.id),
    );
    expect(bySlug.total).toBe(music.serviceCount);
    expect((await get('/catalog/services?category=nope')).statusCode).toBe(404);
    expect((await get('/catalog/services/piano')).json().name).toBe('Piano');
    expect((await get('/catalog/services/nope')).statusCode).toBe(404);
  });

  it('homepage pills list only services with instructors, at most `limit` per category', async () => {
    await createInstructor(t, { services: [{ slug: 'chess', hourlyRateCents: 2500 }] });
    const res = await get('/catalog/top-per-category?limit=3');
    const { categories } = res.json();
    expect(categories).toHaveLength(7);
    for (const c of categories) {
      expect(c.services.length).toBeLessThanOrEqual(3);
      for (const s of c.services) expect(s.instructorCount).toBeGreaterThan(0);
    }
    expect(
      categories
        .find((c: { slug: string }) => c.slug === 'hidden-gems')
        .services.map((s: { slug: string }) => s.slug),
    ).toContain('chess');
    expect((await get('/catalog/top-per-category?limit=0')).statusCode).toBe(400);
  });

  it('loading the same catalog file again changes nothing', async () => {
    expect((await loadCatalog(t.deps.db)).loaded).toBe(false);
  });
});
