import { check, logIn } from './harness.mjs';

/** (e) A student moves a lesson to another free time of the same instructor from My lessons. */
export async function studentReschedules({ page }) {
  await page.goto('/login?next=%2Flessons');
  await logIn(page, 'student3@instainstru.local');
  await page.getByRole('heading', { name: 'My lessons' }).waitFor();
  await page.locator('#lessons-panel ul a').first().click();
  await page.getByRole('link', { name: 'Reschedule' }).click();
  await page.getByRole('heading', { name: /^Reschedule / }).waitFor();
  const before = /^Now: (.+?) with /.exec(await page.locator('main p', { hasText: /^Now: / }).innerText())[1];

  // The last free date shown this month, or the first of next month, then its last free time.
  let dates = page.locator('button[aria-pressed]:not([disabled])').filter({ hasText: /^\d+$/ });
  if ((await dates.count()) === 0) {
    await page.getByRole('button', { name: 'Next month' }).click();
    dates = page.locator('button[aria-pressed]:not([disabled])').filter({ hasText: /^\d+$/ });
  }
  await dates.last().click();
  const times = page.getByRole('list', { name: /^Free times on / }).getByRole('button');
  await times.last().click();
  const chosen = await page.locator('main p', { hasText: /^New time: / }).innerText();
  await page.getByRole('button', { name: 'Move the lesson' }).click();

  await page.getByRole('link', { name: 'Reschedule' }).waitFor();
  const now = await page.locator('main dd.font-medium').first().innerText();
  check(chosen.endsWith(now), `moved to "${now}" but "${chosen}" was chosen`);
  check(!before.includes(now), 'the lesson did not move');
  return `from ${before} to ${now}`;
}
