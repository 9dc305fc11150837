import { check, logIn, screenshot } from './harness.mjs';

/** (b) An instructor opens hours in the availability editor and they appear on the public profile. */
export async function instructorEditsAvailability({ page }) {
  await page.goto('/login?next=%2Fteach%2Favailability');
  await logIn(page, 'instructor7@instainstru.local');
  await page.getByRole('heading', { name: 'Your availability' }).waitFor();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('grid').waitFor();

  // Saturday 7:00–9:00 AM of next week: closed in the demo data; open all four half hours.
  const saturday = page.getByRole('columnheader').nth(6);
  const day = (await saturday.innerText()).split('\n')[0].trim(); // e.g. "Sat 5"
  for (const t of ['7:00 AM', '7:30 AM', '8:00 AM', '8:30 AM']) {
    const cell = page.getByRole('gridcell', { name: new RegExp(`^${day} ${t}: `) });
    check((await cell.getAttribute('aria-selected')) === 'false', `${day} ${t} was already open`);
    await cell.click();
    check((await cell.getAttribute('aria-selected')) === 'true', `${day} ${t} did not open`);
  }
  await page.getByText('You have unsaved changes.').waitFor();
  await screenshot(page, 'availability-editor');
  await page.getByRole('button', { name: 'Save week' }).click();
  await page.getByText('Saved. Students see the new times now.').waitFor();

  const me = await page.evaluate(() => fetch('/api/v1/instructors/me').then((r) => r.json()));
  await page.goto(`/instructors/${me.id ?? me.userId}`);
  await page.getByRole('heading', { name: /^Book / }).waitFor();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.locator(`a[aria-label="Book ${day} at 7:00 AM"]`).waitFor();
  return `opened ${day} 7–9 AM and the profile offers ${day} 7:00 AM`;
}
