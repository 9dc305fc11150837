import { check, expectConsoleError, screenshot } from './harness.mjs';

/**
 * A new student turns lesson reminders off on the Account page, sees "Saved", and finds the
 * choice kept after a reload; an altered unsubscribe link says it is not valid and changes nothing.
 */
export async function studentTurnsOffReminders({ page, errors }) {
  await page.goto('/signup?next=%2Faccount');
  await page.getByLabel('Full name').fill('Mo Quiet');
  await page.getByLabel('Email').fill(`quiet-${Date.now()}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('Quiet-pass-1');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor();
  const reminders = page.getByRole('checkbox', { name: /Lesson reminders/ });
  const messages = page.getByRole('checkbox', { name: /New messages/ });
  check(await reminders.isChecked(), 'lesson reminders start on');
  check(await messages.isChecked(), 'new-message emails start on');
  await reminders.uncheck();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await screenshot(page, 'account-email-preferences');
  await page.reload();
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor();
  await page.getByRole('checkbox', { name: /New messages/ }).waitFor();
  check(!(await page.getByRole('checkbox', { name: /Lesson reminders/ }).isChecked()), 'reminders stay off');
  check(await page.getByRole('checkbox', { name: /New messages/ }).isChecked(), 'messages stay on');

  // A link whose signature was altered: refused, nothing changes.
  await page.goto(`/unsubscribe/m_${'0'.repeat(32)}_${'A'.repeat(43)}`);
  await page.getByText('This unsubscribe link is not valid.').waitFor();
  expectConsoleError(errors, /400/);
  await page.goto('/account');
  await page.getByRole('checkbox', { name: /New messages/ }).waitFor();
  check(await page.getByRole('checkbox', { name: /New messages/ }).isChecked(), 'messages still on');
}
