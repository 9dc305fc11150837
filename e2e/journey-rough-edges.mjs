import { audit, check, expectConsoleError, logIn } from './harness.mjs';

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
