import { audit, check, fitsWidth, logIn } from './harness.mjs';

/** Issue 17, flow 18: the instructor opens the schedule from the dashboard and switches week and day. */
export async function instructorOpensSchedule({ page }) {
  await page.goto('/login?next=%2Fteach');
  await logIn(page, 'instructor1@instainstru.local');
  await page.getByRole('heading', { name: 'Teaching dashboard' }).waitFor();
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByRole('heading', { name: 'Schedule', exact: true }).waitFor();
  const grid = page.getByTestId('schedule-grid');
  await grid.waitFor();
  check((await grid.locator('section').count()) === 7, 'the week view does not show seven days');
  const columns = await grid.evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
  check(columns === 7, `the week shows ${columns} columns at 1280 px, not 7`);
  await audit(page, 'schedule week at 1280 px');

  await page.getByRole('tab', { name: 'Day' }).click();
  await page.getByTestId('schedule-heading').filter({ hasText: '(today)' }).waitFor();
  check((await grid.locator('section').count()) === 1, 'the day view shows more than one day');
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByTestId('schedule-heading').filter({ hasText: '(today)' }).waitFor();
  await audit(page, 'schedule day at 1280 px');

  await page.getByRole('tab', { name: 'Week' }).click();
  const week = await page.getByTestId('schedule-heading').innerText();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByTestId('schedule-heading').filter({ hasNotText: week }).waitFor();
  await page.getByRole('button', { name: 'Previous week' }).click();
  await page.getByTestId('schedule-heading').filter({ hasText: week }).waitFor();
  return 'week of seven columns, day view, previous / next / today';
}

/** At phone width the schedule is a list of days that fits the screen and passes the audit. */
export async function scheduleAtPhoneWidth({ page }) {
  await page.goto('/login?next=%2Fteach%2Fschedule');
  await logIn(page, 'instructor1@instainstru.local');
  await page.getByRole('heading', { name: 'Schedule', exact: true }).waitFor();
  const grid = page.getByTestId('schedule-grid');
  await grid.waitFor();
  const columns = await grid.evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
  check(columns === 1, `the week shows ${columns} columns at 375 px, not a list of days`);
  await fitsWidth(page, 'schedule week at 375 px');
  await audit(page, 'schedule week at 375 px');
  await page.getByRole('tab', { name: 'Day' }).click();
  await page.getByTestId('schedule-heading').filter({ hasText: '(today)' }).waitFor();
  await fitsWidth(page, 'schedule day at 375 px');
  await audit(page, 'schedule day at 375 px');
  return 'a list of days at 375 px';
}
