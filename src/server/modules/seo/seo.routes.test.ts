import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructorProfiles, users } from '../../db/schema/index.js';
import type { InstructorFixture } from '../../testing/fixtures.js';
import { createInstructor } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

const BASE = 'https://lessons.example';
const html = { accept: 'text/html' };
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="The build's own description."
    />
    <title>Built title</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

/** The head's tags as found in the HTML the server sent (attribute values unescaped once). */
function head(body: string) {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const all = (re: RegExp) => [...body.matchAll(re)].map((m) => unescape(m[1]!));
  const meta = (attr: string, name: string) =>
    all(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`, 'g'));
  return {
    titles: all(/<title>([^<]*)<\/title>/g),
    descriptions: meta('name', 'description'),
    canonical: all(/<link rel="canonical" href="([^"]*)"/g),
    og: (p: string) => meta('property', `og:${p}`),
    robots: meta('name', 'robots'),
  };
}

let t: TestApp;
let ada: InstructorFixture;
let hostile: InstructorFixture;
let gone: InstructorFixture;
beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), 'ii-seo-'));
  writeFileSync(join(webDir, 'index.html'), INDEX);
  t = await createTestApp({ config: { webDir, publicUrl: `${BASE}/` } });
  ada = await createInstructor(t, {
    fullName: 'Ada Lovelace',
    services: [{ slug: 'piano' }, { slug: 'guitar' }],
  });
  hostile = await createInstructor(t, { services: [{ slug: 'piano' }] });
  await t.deps.db
    .update(users)
    .set({ fullName: `"><script>alert(1)</script> O'Brien` })
    .where(eq(users.id, hostile.id));
  await t.deps.db
    .update(instructorProfiles)
    .set({ bio: `</title><img src=x onerror="alert(2)"> & friends` })
    .where(eq(instructorProfiles.userId, hostile.id));
  gone = await createInstructor(t, { fullName: 'Gone Away', services: [{ slug: 'piano' }] });
  await t.deps.db.update(users).set({ accountStatus: 'deactivated' }).where(eq(users.id, gone.id));
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = html) =>
  t.request({ method: 'GET', url, headers });

describe('public pages carry their own head in the HTML the server sends', () => {
  it('home: site title, tagline, canonical and Open Graph; the build’s title and description replaced, its script kept', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const h = head(res.body);
    expect(h.titles).toEqual(['InstaInstru — book a lesson in seconds']);
    expect(h.descriptions).toHaveLength(1);
    expect(h.descriptions[0]).toMatch(/find a local instructor/i);
    expect(h.canonical).toEqual([`${BASE}/`]);
    expect(h.og('url')).toEqual([`${BASE}/`]);
    expect(h.og('type')).toEqual(['website']);
    expect(h.og('title')).toEqual(h.titles);
    expect(res.body).not.toContain('Built title');
    expect(res.body).toContain('src="/assets/index-abc.js"');
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('all services: names the catalog’s size and categories', async () => {
    const h = head((await get('/services')).body);
    expect(h.titles).toEqual(['All services · InstaInstru']);
    expect(h.descriptions[0]).toMatch(/^Browse \d+ kinds of lessons in 7 categories: Music/);
    expect(h.descriptions[0]!.length).toBeLessThanOrEqual(160);
    expect(h.canonical).toEqual([`${BASE}/services`]);
  });

  it('a service: its name, description and how many teach it from what rate', async () => {
    const res = await get('/services/piano');
    expect(res.statusCode).toBe(200);
    const h = head(res.body);
    expect(h.titles).toEqual(['Piano lessons · InstaInstru']);
    expect(h.descriptions[0]).toMatch(/\d+ instructors? from \$\d+\/h\.$/);
    expect(h.canonical).toEqual([`${BASE}/services/piano`]);
    expect(h.og('description')).toEqual(h.descriptions);
    expect(h.robots).toEqual([]);
  });

  it('an instructor profile: public name, what they teach, bio, profile type', async () => {
    const h = head((await get(`/instructors/${ada.id}`)).body);
    expect(h.titles).toEqual(['Ada L. — Guitar, Piano instructor · InstaInstru']);
    expect(h.descriptions).toEqual(['Teaches with patience.']);
    expect(h.canonical).toEqual([`${BASE}/instructors/${ada.id}`]);
    expect(h.og('type')).toEqual(['profile']);
    expect(h.og('title')).toEqual(h.titles);
  });

  it('a hostile name and bio are escaped: no tag, attribute or title escapes the head', async () => {
    const res = await get(`/instructors/${hostile.id}`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img');
    expect(res.body).not.toContain('"><script');
    expect(res.body.match(/<title>/g)).toHaveLength(1);
    const h = head(res.body);
    expect(h.titles).toEqual([`"><script>alert(1)</script> O. — Piano instructor · InstaInstru`]);
    expect(h.og('title')).toEqual(h.titles);
    expect(h.descriptions).toEqual([`</title><img src=x onerror="alert(2)"> & friends`]);
  });

  it('an unknown service, an unknown or deactivated instructor: 404 with the app and noindex', async () => {
    for (const url of ['/services/no-such-thing', `/instructors/${gone.id}`, '/instructors/not-a-uuid']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('<div id="root"></div>');
      const h = head(res.body);
      expect(h.titles, url).toEqual(['Page not found · InstaInstru']);
      expect(h.robots, url).toEqual(['noindex']);
    }
  });
});

describe('/sitemap.xml and /robots.txt', () => {
  it('the sitemap lists home, all services, every service and the active instructors only', async () => {
    const res = await get('/sitemap.xml', {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    const locs = [...res.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${BASE}/`);
    expect(locs).toContain(`${BASE}/services`);
    expect(locs).toContain(`${BASE}/services/piano`);
    expect(locs).toContain(`${BASE}/services/guitar`);
    expect(locs.filter((l) => l!.startsWith(`${BASE}/services/`)).length).toBeGreaterThan(200);
    expect(locs).toContain(`${BASE}/instructors/${ada.id}`);
    expect(locs).toContain(`${BASE}/instructors/${hostile.id}`);
    expect(locs).not.toContain(`${BASE}/instructors/${gone.id}`);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('an instructor without an active offering is not listed', async () => {
    const idle = await createInstructor(t, { services: [] });
    const res = await get('/sitemap.xml', {});
    expect(res.body).not.toContain(idle.id);
  });

  it('robots.txt points to the sitemap and keeps private areas out', async () => {
    const res = await get('/robots.txt', {});
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(res.body).toMatch(/^Disallow: \/api\/$/m);
    expect(res.body).toMatch(/^Disallow: \/account$/m);
  });
});
