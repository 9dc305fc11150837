import sharp from 'sharp';
import { audit, check, screenshot } from './harness.mjs';

/** (d) A new account becomes an instructor, adds a service with a rate, and sees the dashboard. */
export async function newInstructorOnboards({ page }) {
  const email = `teacher-${Date.now()}@example.com`;
  await page.goto('/signup?next=%2Fteach%2Fstart');
  await page.getByLabel('Full name').fill('Robin Teacher');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Teach-pass-1');
  await page.getByRole('button', { name: 'Sign up' }).click();

  await page.getByRole('heading', { name: 'Become an instructor' }).waitFor();
  // (bug 10) Continue says what is missing, beside each field, instead of staying silently disabled.
  await page.getByText('To continue: write a few words about you').waitFor();
  await page.getByRole('button', { name: 'Continue to services and rates' }).click();
  await page.getByText('Choose at least one borough.', { exact: true }).waitFor();
  const bioHint = await page.getByLabel('About you').getAttribute('aria-describedby');
  check(!!bioHint, 'the missing bio hint is not tied to its field');
  check(
    (await page.locator(`[id="${bioHint}"]`).innerText()).includes('Write a few words'),
    'the bio field does not say what is missing',
  );
  check(
    await page.getByLabel('About you').evaluate((el) => el === document.activeElement),
    'Continue did not move to the first missing field',
  );
  await audit(page, 'onboarding hints');
  await page
    .getByLabel('About you')
    .fill('Jazz pianist, twenty years on the bandstand, patient with beginners.');
  await page.getByLabel('Years of teaching experience').fill('20');
  await page.getByLabel('Queens').check();
  check(
    (await page.getByText('To continue:').count()) === 0,
    'a complete form still says something is missing',
  );
  await page.getByRole('button', { name: 'Continue to services and rates' }).click();

  await page.getByRole('heading', { name: 'Profile and services' }).waitFor();
  await page.getByText('No services yet').waitFor();
  await page.getByLabel('Category').selectOption({ label: 'Music' });
  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Piano' });
  await page.getByLabel('Hourly rate (US$)').fill('72');
  await page.getByLabel('1 h 30 min').check();
  await page.getByRole('button', { name: 'Add the service' }).click();
  await page.getByText('Piano · $72/h').waitFor();

  // A profile photo: a text file is refused beside the field, a real image is previewed and saved.
  const photo = page.getByLabel('Choose a photo');
  await photo.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not an image'),
  });
  await page.getByText('Choose a JPEG, PNG or WebP image.').waitFor();
  const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2f6f9f' } })
    .jpeg()
    .toBuffer();
  await photo.setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: image });
  await page.getByAltText('Preview of the photo you picked').waitFor();
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await page.getByText('Photo saved.').waitFor();
  await page.getByAltText('Photo of Robin Teacher').waitFor();
  await audit(page, 'profile editor with a photo');
  // (bug 13) Saving the profile says so, and survives the refetch that follows the save.
  await page.getByLabel('Bio').fill('Jazz pianist; patient with beginners and returners.');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^\s*Saved$/ })
    .waitFor();
  await page.waitForTimeout(500);
  check(
    (await page
      .getByRole('status')
      .filter({ hasText: /^\s*Saved$/ })
      .count()) === 1,
    '"Saved" went away after the profile was refetched',
  );
  // Removing a service asks in the app's dialog, never the browser's confirm().
  let nativeDialog = false;
  page.on('dialog', (d) => {
    nativeDialog = true;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Piano?' });
  await dialog.waitFor();
  await audit(page, 'remove service dialog');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await dialog.waitFor({ state: 'hidden' });
  check(!nativeDialog, 'removing a service opened the browser confirm()');
  await page.getByText('Piano · $72/h').waitFor();

  await page.getByRole('link', { name: '← Dashboard' }).click();
  await page.getByRole('heading', { name: 'Teaching dashboard' }).waitFor();
  await page.getByText('No upcoming lessons').waitFor();
  await screenshot(page, 'instructor-dashboard');
  // A new address is not verified yet: the dashboard says why the instructor is not in search.
  const notice = page.getByText('Verify your email to appear in search').locator('..');
  await notice.waitFor();
  await notice.getByRole('button', { name: 'Resend' }).click();
  await notice.getByText('A new link is on its way.').waitFor();
  // The reminder banner can be dismissed.
  await page.getByRole('button', { name: 'Dismiss the verification reminder' }).click();
  await page.getByRole('region', { name: 'Email verification' }).waitFor({ state: 'hidden' });
  // (flow 18) With a bio and a service, what is left before search lists the profile is hours,
  // and the dashboard leads there.
  const missing = page.getByTestId('searchable-checklist');
  await missing.waitFor();
  check(
    (await missing.getByRole('link', { name: 'Add a service' }).count()) === 0,
    'the dashboard still asks for a service',
  );
  check(
    (await missing.getByRole('link', { name: 'Write your bio' }).count()) === 0,
    'the dashboard still asks for a bio',
  );
  await missing.getByRole('link', { name: 'Set your hours' }).click();
  await page.getByRole('heading', { name: 'Your availability' }).waitFor();
  return `${email} teaches Piano at $72/h`;
}
