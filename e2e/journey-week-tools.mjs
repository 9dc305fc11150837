import { check, logIn } from './harness.mjs';

/** (f) An instructor fills a week from a preset, saves it, and blocks a day off in that week. */
export async function instructorUsesWeekTools({ page }) {
  await page.goto('/login?next=%2Fteach%2Favailability');
  await logIn(page, 'instructor12@instainstru.local');
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  const heading = await page.getByRole('heading', { name: /^Week of / }).innerText();

  await page.getByLabel('Presets').selectOption({ label: 'Weekends (10 AM–4 PM)' });
  const saturday = (await page.getByRole('columnheader').nth(6).innerText()).split('\n')[0].trim();
  const monday = (await page.getByRole('columnheader').nth(1).innerText()).split('\n')[0].trim();
  const cell = (day, time) => page.getByRole('gridcell', { name: new RegExp(`^${day} ${time}: `) });
  check(
    (await cell(saturday, '10:00 AM').getAttribute('aria-selected')) === 'true',
    'the preset did not open Saturday',
  );
  check(
    (await cell(monday, '5:00 PM').getAttribute('aria-selected')) === 'false',
    'the preset kept Monday open',
  );
  await page.getByRole('button', { name: 'Save week' }).click();
  await page.getByText('Saved. Students see the new times now.').waitFor();

  // A day off on that Saturday: the grid locks it.
  const iso = await page.getByRole('columnheader').nth(6).getAttribute('data-date');
  await page.getByLabel('Date', { exact: true }).fill(iso);
  await page.getByLabel('Reason').fill('Family wedding');
  await page.getByRole('button', { name: 'Block the day' }).click();
  await page.getByText('Family wedding').waitFor();
  await page.getByRole('columnheader', { name: new RegExp(`${saturday}\\s+Blocked`) }).waitFor();
  check(
    (await cell(saturday, '10:00 AM').getAttribute('aria-disabled')) === 'true',
    'a blocked day can still be edited',
  );

  // By keyboard alone: from Monday 10:00 AM, arrow down twice and Space opens Monday 11:00 AM.
  await cell(monday, '10:00 AM').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  check(
    (await cell(monday, '11:00 AM').getAttribute('aria-selected')) === 'true',
    'the keyboard did not open 11 AM',
  );
  await page.getByText('You have unsaved changes.').waitFor();
  return `${heading}: weekends preset saved, ${iso} blocked`;
}
