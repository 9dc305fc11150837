import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, audit, check, fitsWidth, layoutShift, logIn, openPage } from './harness.mjs';

// Every page photographed at both widths for review against docs/WEB-CONVENTIONS.md (ignored folder).
const PHOTOS = join(ROOT, 'var/screenshots/pages');

/**
 * The quality bar over every page of the app, not only the photographed ones: each route, as the
 * role that may see it, at 1280 and 375 px, loads to its own heading with no error state, fits the
 * window, does not jump while its data arrives (layout shift ≤ 0.1) and passes the accessibility
 * audit. Pages that need an id take the first one the app itself links to.
 */
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

const ROLES = {
  guest: {
    email: null,
    pages: [
      '/',
      '/services',
      '/services/piano',
      '/search?q=piano',
      { from: '/search?q=piano', link: 'article h3 a' },
      { from: '/search?q=piano', link: 'article h3 a', then: 'a[aria-label^="Book "]' },
      '/login',
      '/signup',
      '/reset-password',
      '/no-such-page',
    ],
  },
  student: {
    email: 'student4@instainstru.local',
    pages: [
      '/lessons',
      { from: '/lessons', link: 'main a[href^="/lessons/"]' },
      '/messages',
      // The demo data holds no conversation: open one the way a student does, from a lesson.
      { from: '/lessons', link: 'main a[href^="/lessons/"]', press: 'Message instructor' },
      '/account',
      '/teach/start',
    ],
  },
  instructor: {
    email: 'instructor3@instainstru.local',
    pages: ['/teach', '/teach/profile', '/teach/availability'],
  },
  admin: {
    email: 'admin@instainstru.local',
    pages: [
      '/admin/users',
      { from: '/admin/users', link: 'main a[href^="/admin/users/"]' },
      '/admin/analytics',
      '/admin/operations',
      '/admin/audit-log',
    ],
  },
};

/** Until the page shows its heading and no list is still loading. */
async function settled(page, where) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[role="status"]')].some((e) => /Loading/.test(e.textContent ?? '')),
  );
  // Data that arrives after the skeletons go (images, a second query) shifts the layout too; let it.
  await page.waitForTimeout(400);
  const errorState = page.locator('main [role="alert"]');
  if (await errorState.count()) {
    check(false, `${where} shows an error: ${(await errorState.first().innerText()).slice(0, 200)}`);
  }
}

/** The address a `{ from, link, then, press }` entry leads to, found by following the app's own links. */
async function resolve(page, entry) {
  if (typeof entry === 'string') return entry;
  await page.goto(entry.from);
  const first = page.locator(entry.link).first();
  await first.waitFor();
  let href = await first.getAttribute('href');
  if (entry.then) {
    await page.goto(href);
    const next = page.locator(entry.then).first();
    await next.waitFor();
    href = await next.getAttribute('href');
  }
  if (entry.press) {
    await page.goto(href);
    await page.getByRole('button', { name: entry.press }).click();
    await page.waitForURL((u) => u.pathname !== href);
    return new URL(page.url()).pathname;
  }
  return href;
}

export async function everyPageMeetsTheBar({ browser, baseURL }) {
  const shifts = [];
  mkdirSync(PHOTOS, { recursive: true });
  for (const [role, { email, pages }] of Object.entries(ROLES)) {
    for (const viewport of WIDTHS) {
      const { context, page, errors } = await openPage(browser, baseURL, viewport);
      try {
        if (email) {
          await page.goto('/login');
          await logIn(page, email);
          await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        }
        for (const entry of pages) {
          const url = await resolve(page, entry);
          const where = `${url} as ${role} at ${viewport.width}px`;
          await page.goto(url);
          await settled(page, where);
          await fitsWidth(page, where);
          const shift = await layoutShift(page);
          check(shift <= 0.1, `${where} shifted its layout by ${shift} while loading`);
          shifts.push(shift);
          await audit(page, where);
          const name = `${role}-${viewport.width}-${
            url
              .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, 'id')
              .replace(/[^a-z0-9]+/gi, '-')
              .replace(/^-|-$/g, '') || 'home'
          }`;
          await page.screenshot({ path: join(PHOTOS, `${name.slice(0, 80)}.png`), fullPage: true });
        }
        // A 404 page logs the refused request; every other console error fails the journey.
        const unexpected = errors.filter((e) => !/404 \(Not Found\)/.test(e));
        check(!unexpected.length, `browser errors as ${role}:\n  ${unexpected.join('\n  ')}`);
      } finally {
        await context.close();
      }
    }
  }
  const worst = Math.max(...shifts);
  return `${shifts.length} page views (4 roles × 2 widths) fit, pass the audit; worst layout shift ${worst}`;
}
