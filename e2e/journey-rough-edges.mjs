import { audit, check, expectConsoleError, logIn } from './harness.mjs';
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
