import { audit, check, expectConsoleError, fitsWidth, logIn, screenshot } from './harness.mjs';

/** (h) An admin finds a new account, revokes one permission and deactivates it; the owner is then refused. */
export async function adminDeactivatesAccount({ page, errors }) {
  const email = `member-${Date.now()}@example.com`;
  await page.goto('/signup?next=%2Faccount');
  await page.getByLabel('Full name').fill('Casey Member');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Member-pass-1');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await page.getByRole('button', { name: 'Log out' }).click();

  await page.goto('/login?next=%2F');
  await logIn(page, 'admin@instainstru.local');
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.getByLabel('Name or email').fill(email);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByText('1 account', { exact: true }).waitFor();
  await screenshot(page, 'admin-users');
  await page.getByRole('link', { name: /Casey Member/ }).click();
  await page.getByRole('heading', { name: /Casey Member/ }).waitFor();

  const bookLessons = page.getByLabel('Book lessons');
  check(await bookLessons.isChecked(), 'a new student cannot book lessons to begin with');
  // The box follows the server: it flips once the revoke is saved.
  await bookLessons.click();
  await page.waitForFunction(() => {
    const box = [...document.querySelectorAll('label')].find((l) =>
      l.textContent?.includes('create_bookings'),
    );
    const input = box?.querySelector('input');
    return input && !input.checked && !input.disabled;
  });

  await page.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason (optional)').fill('Asked us to close it.');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('heading', { name: /Casey Member\s*Deactivated/ }).waitFor();
  await page.getByText(/^Deactivated since .+: “Asked us to close it\.”$/).waitFor();
  await screenshot(page, 'admin-user');
  // Tablet and phone widths: the longest header (an admin's) and the permission grid still fit.
  for (const width of [820, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await fitsWidth(page, 'the admin user page');
    await audit(page, `the admin user page at ${width}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // What the server now holds, not what the page shows.
  const id = new URL(page.url()).pathname.split('/').pop();
  const held = await page.evaluate(async (userId) => {
    const res = await fetch(`/api/v1/admin/users/${userId}`);
    return res.json();
  }, id);
  check(held.accountStatus === 'deactivated', `the server says ${held.accountStatus}`);
  check(!held.permissions.includes('create_bookings'), 'the revoked permission is still held');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Member-pass-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('This account was deactivated by an administrator.').waitFor();
  expectConsoleError(errors, /status of 403/);
  return `${email}: booking revoked, deactivated, and its login refused`;
}
