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
  await page
    .getByLabel('About you')
    .fill('Jazz pianist, twenty years on the bandstand, patient with beginners.');
  await page.getByLabel('Years of teaching experience').fill('20');
  await page.getByLabel('Queens').check();
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

  await page.getByRole('link', { name: '← Dashboard' }).click();
  await page.getByRole('heading', { name: 'Teaching dashboard' }).waitFor();
  await page.getByText('No upcoming lessons').waitFor();
  await screenshot(page, 'instructor-dashboard');
  check(
    (await page.getByText('Students cannot find you yet').count()) === 0,
    'the dashboard still says there is no service',
  );
  return `${email} teaches Piano at $72/h`;
}
