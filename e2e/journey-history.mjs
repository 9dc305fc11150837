import { check, logIn, screenshot } from './harness.mjs';

/** (c) A guest's searches appear in recent searches after login, and can be deleted. */
export async function guestHistoryFollowsLogin({ page }) {
  for (const q of ['guitar for kids', 'spanish tomorrow evening']) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await page.getByRole('heading', { name: `Results for “${q}”` }).waitFor();
    await page.locator('section[aria-label="Results"][aria-busy="false"]').waitFor();
  }
  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Your recent searches' });
  await recent.getByRole('link', { name: 'guitar for kids' }).waitFor();

  await page.goto('/login');
  await logIn(page, 'student2@instainstru.local');
  await page.waitForURL((u) => u.pathname === '/');
  for (const q of ['guitar for kids', 'spanish tomorrow evening']) {
    await recent.getByRole('link', { name: q }).waitFor();
  }
  await screenshot(page, 'home-signed-in');

  await recent.getByRole('button', { name: 'Delete “guitar for kids” from your recent searches' }).click();
  await recent.getByRole('link', { name: 'guitar for kids' }).waitFor({ state: 'detached' });
  await page.reload();
  await recent.getByRole('link', { name: 'spanish tomorrow evening' }).waitFor();
  check(
    (await recent.getByRole('link', { name: 'guitar for kids' }).count()) === 0,
    'a deleted search came back after reload',
  );
  return 'two guest searches followed the login; one deleted for good';
}
