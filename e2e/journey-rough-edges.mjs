import { audit, check, expectConsoleError, fitsWidth, logIn } from './harness.mjs';
import { instructorWithUpcomingLessons } from './journey-messages.mjs';

/** Every answer the page got with this status while `run` ran. */
async function answersWith(page, status, run) {
  const seen = [];
  const onResponse = (r) => {
    if (r.status() === status) seen.push(r.url());
  };
  page.on('response', onResponse);
  try {
    await run();
  } finally {
    page.off('response', onResponse);
  }
  return seen;
}

/** (11) Wrong-role pages redirect or say "not allowed" without asking the API; a missing lesson is not retryable. */
export async function wrongRoleAndMissingPages({ page, errors }) {
  await page.goto('/login?next=%2F');
  await logIn(page, 'student1@instainstru.local');
  await page.getByRole('link', { name: 'My lessons' }).first().waitFor();

  const refused = await answersWith(page, 403, async () => {
    await page.goto('/teach');
    await page.getByRole('heading', { name: 'Become an instructor' }).waitFor();
    check(new URL(page.url()).pathname === '/teach/start', `a student on /teach ended at ${page.url()}`);
    await page.goto('/teach/availability');
    await page.getByRole('heading', { name: 'Become an instructor' }).waitFor();
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    check((await page.getByLabel('Name or email').count()) === 0, 'a student sees the admin filters');
    await audit(page, 'not allowed');
    await page.goto('/admin/operations');
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
  });
  check(refused.length === 0, `wrong-role pages asked the API and were refused: ${refused.join(', ')}`);

  await page.goto('/lessons/00000000-0000-4000-8000-000000000000');
  await page.getByRole('heading', { name: 'Lesson not found' }).waitFor();
  check((await page.getByRole('button', { name: 'Try again' }).count()) === 0, 'a 404 offers "Try again"');
  await audit(page, 'lesson not found');
  expectConsoleError(errors, /404/);

  // A service page: the name in the tab as in the server's head; an unknown one is not found (the
  // document and the API both answer 404).
  await page.goto('/services/piano');
  await page.getByRole('heading', { name: 'Piano lessons' }).waitFor();
  await page.waitForFunction(() => document.title === 'Piano lessons · InstaInstru');
  await page.goto('/services/no-such-service');
  await page.getByRole('heading', { name: 'Service not found' }).waitFor();
  check(
    (await page.getByRole('button', { name: 'Try again' }).count()) === 0,
    'a missing service offers "Try again"',
  );
  expectConsoleError(errors, /404/);
  expectConsoleError(errors, /404/);
  return 'student redirected from /teach, not allowed on /admin, missing lesson without retry';
}

/** (7) Booked cells say "Booked" in words, open the lesson in a dialog in view, and today's gone hours are Past. */
export async function availabilityBookedAndPast({ page, baseURL }) {
  const email = await instructorWithUpcomingLessons(baseURL);
  await page.goto('/login?next=%2Fteach%2Favailability');
  await logIn(page, email);
  await page.getByRole('grid').waitFor();
  await page.getByLabel(/every hour|all hours|24 hours/i).check();

  // Today's half hours that have begun: locked, named past, and marked in words.
  const past = page.getByRole('gridcell', { name: /, past$/ }).filter({ hasText: 'Past' });
  const pastCount = await past.count();
  check(pastCount > 0, "today's past hours are not marked Past");
  check((await past.first().getAttribute('aria-disabled')) === 'true', "today's past hours are editable");

  // A booked cell within the next weeks.
  const booked = page.getByRole('gridcell', { name: /: booked, / });
  for (let i = 0; i < 8 && (await booked.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('grid').waitFor();
    await page.waitForTimeout(300);
  }
  check((await booked.count()) > 0, 'no booked cell in eight weeks');
  const cell = booked.last();
  check((await cell.innerText()).includes('Booked'), 'a booked cell is marked by colour alone');
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  const dialog = page.getByRole('dialog', { name: 'Booked lesson' });
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  const view = page.viewportSize();
  check(!!box && box.y >= 0 && box.y + box.height <= view.height, 'the booking preview opened out of view');
  await dialog.getByRole('link', { name: 'Open the lesson' }).waitFor();
  await audit(page, 'booked lesson preview');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return `${pastCount} past half hours today; booked cell ${await cell.getAttribute('aria-label')}`;
}

/** (15) The time-zone picker: common zones first with their offsets, narrowed by typing. */
export async function timeZonePickerSearches({ page }) {
  await page.goto('/login?next=%2Faccount');
  await logIn(page, 'student2@instainstru.local');
  const select = page.getByLabel('Time zone', { exact: true });
  await select.waitFor();
  const labels = () => select.locator('option').allInnerTexts();
  await select.focus(); // the full list is built when the picker is first used
  const first = (await labels())[0];
  check(
    /^\(UTC[−+]\d{2}:\d{2}\) New York/.test(first),
    `the list starts with ${first}, not New York and its offset`,
  );
  check((await labels()).length > 300, 'the picker lost zones');
  await page.getByLabel('Find a time zone').fill('los ang');
  await page.getByText(/\d+ zones? match/).waitFor();
  const found = await labels();
  check(
    found.some((l) => /^\(UTC−0[78]:00\) Los Angeles/.test(l)),
    `searching "los ang" did not find Los Angeles: ${found.join(' | ')}`,
  );
  check(found.length <= 2, `searching "los ang" left ${found.length} zones`);
  await select.selectOption('America/Los_Angeles');
  await page.getByText('Times are shown in Los Angeles time').waitFor();
  await audit(page, 'time-zone picker');
  return `first ${first}; "los ang" → ${found.join(' | ')}`;
}

/** (12) At 375 px: the hero example and category tabs fit, the Search focus ring shows, the profile week reflows. */
export async function phoneDetailsFit({ page }) {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'What do you want to learn?' });
  await box.waitFor();
  // The placeholder's text, measured in the input's own font, fits the room the input leaves it.
  const room = await box.evaluate((el) => {
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return { text: ctx.measureText(el.placeholder).width, inner, placeholder: el.placeholder };
  });
  check(
    room.text <= room.inner,
    `the hero placeholder "${room.placeholder}" is cut (${room.text} > ${room.inner} px)`,
  );

  const tabs = page.getByRole('tab');
  await tabs.first().waitFor();
  for (const tab of await tabs.all()) {
    const b = await tab.boundingBox();
    const name = await tab.innerText();
    check(b.x >= 0 && b.x + b.width <= 375, `the category tab "${name}" is cut off at the screen edge`);
    const clipped = await tab.evaluate(
      (el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth,
    );
    check(!clipped, `the category tab "${name}" clips its label`);
  }

  await box.focus();
  await page.keyboard.press('Tab');
  const search = page.getByRole('button', { name: 'Search', exact: true });
  check(
    await search.evaluate((el) => el === document.activeElement),
    'Tab from the search box did not reach Search',
  );
  const ring = await search.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { color: cs.outlineColor, width: parseFloat(cs.outlineWidth), style: cs.outlineStyle };
  });
  check(
    ring.style === 'solid' && ring.width >= 3 && ring.color === 'rgb(255, 255, 255)',
    `the hero Search button's focus ring is ${JSON.stringify(ring)} on the indigo hero`,
  );
  await fitsWidth(page, 'home at 375px');

  // The first instructor the sitemap lists: their week of times reflows instead of running off the side.
  const sitemap = await (await page.request.get('/sitemap.xml')).text();
  const profile = /<loc>[^<]*(\/instructors\/[^<]+)<\/loc>/.exec(sitemap)?.[1];
  check(!!profile, 'the sitemap lists no instructor');
  await page.goto(profile);
  await page.getByRole('heading', { name: /^Book / }).waitFor();
  const week = page.locator('[aria-busy="false"]').first();
  await week.waitFor();
  const overflow = await week.evaluate((el) => el.scrollWidth - el.clientWidth);
  check(overflow <= 0, `the profile's week grid is ${overflow}px wider than its box`);
  for (const day of await week.locator('section').all()) {
    const b = await day.boundingBox();
    check(b.x >= 0 && b.x + b.width <= 375, `a day of the profile's week is cut off (${b.x}+${b.width})`);
  }
  await fitsWidth(page, 'instructor profile at 375px');
  await audit(page, 'instructor profile week at 375px');
  return `placeholder ${Math.round(room.text)}/${Math.round(room.inner)} px; 7 tabs inside 375 px; ring ${ring.width}px white; ${profile} week reflows`;
}
