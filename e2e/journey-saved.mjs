import { audit, check, logIn } from './harness.mjs';

const settled = (page) => page.locator('section[aria-label="Results"][aria-busy="false"]').waitFor();

/**
 * Saved instructors (issue 17): a guest's Save leads to login and back; the student saves from a
 * search card, sees "Saved" on the profile, finds the instructor under My Lessons and on home, and
 * unsaves them there.
 */
export async function studentSavesAnInstructor({ page }) {
  const search = '/search?q=piano';
  await page.goto(search);
  await settled(page);
  const card = page.locator('section[aria-label="Results"] article').first();
  const name = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
  await card.getByRole('button', { name: `Save ${name}` }).click();
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === search);
  await logIn(page, 'student3@instainstru.local');
  await page.waitForURL((u) => u.pathname === '/search');
  await settled(page);

  const again = page.locator('section[aria-label="Results"] article').filter({ hasText: name }).first();
  await again.getByRole('button', { name: `Save ${name}` }).click();
  await again.getByRole('button', { name: 'Saved', exact: true }).waitFor();

  await again.getByRole('link', { name }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/instructors/'));
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('header').getByRole('button', { name: 'Saved', exact: true }).waitFor();

  await page.goto('/lessons?tab=saved');
  const section = page.getByRole('region', { name: 'Saved instructors' });
  await section.getByRole('link', { name }).waitFor();
  check(
    (await page.getByRole('tab', { name: 'Saved instructors' }).getAttribute('aria-selected')) === 'true',
    'the Saved instructors tab is not selected',
  );
  await audit(page, 'my lessons: saved instructors');

  await page.goto('/');
  const home = page.getByRole('region', { name: 'Saved instructors' });
  await home.getByRole('link', { name }).waitFor();

  await page.goto('/lessons?tab=saved');
  await section.getByRole('button', { name: 'Saved', exact: true }).click();
  await section.getByText('No saved instructors yet').waitFor();
  await audit(page, 'my lessons: no saved instructors');
  await page.reload();
  await section.getByText('No saved instructors yet').waitFor();
  const listed = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/me/saved-instructors' && r.ok(),
  );
  await page.goto('/');
  await listed;
  await page
    .getByRole('region', { name: 'Book again' })
    .or(page.getByRole('heading', { level: 1 }))
    .first()
    .waitFor();
  check(
    (await page.getByRole('region', { name: 'Saved instructors' }).count()) === 0,
    'home still shows saved instructors after unsaving',
  );
  return `saved ${name} from a card as a guest-then-student; seen on profile, My Lessons and home; unsaved`;
}
