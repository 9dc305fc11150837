import { check, logIn, screenshot } from './harness.mjs';

/**
 * (a) A guest searches "piano under $80", opens a result, picks a time, reads the review, is asked
 * to log in on Confirm, logs in inline as a demo student and keeps the same choice, confirms, sees the lesson in
 * My lessons, cancels it and sees the fee.
 */
export async function guestBooksThenCancels({ page }) {
  await page.goto('/');
  await page.getByRole('tab').first().waitFor();
  await screenshot(page, 'home');

  await page.getByLabel('What do you want to learn?').fill('piano under $80');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/search\?q=piano/);
  const firstCard = page.locator('article').first();
  await firstCard.waitFor();
  const price = Number((await firstCard.locator('text=/\\$\\d+/').first().innerText()).replace(/\D/g, ''));
  check(price > 0 && price <= 80, `first result costs $${price}, over the $80 asked for`);
  await page.getByText('Under $80/h').waitFor();
  await firstCard.getByRole('link').filter({ hasText: /AM|PM/ }).first().waitFor();
  await screenshot(page, 'search-results');

  await firstCard.getByRole('heading').getByRole('link').click();
  await page.waitForURL(/\/instructors\//);
  const time = page.locator('a[aria-label^="Book "]').first();
  await time.waitFor();
  await screenshot(page, 'instructor-profile');
  const picked = new URL(await time.getAttribute('href'), 'http://x');
  await time.click();

  // A guest reads the whole review (price, policy) and is asked to log in only on Confirm, inline.
  await page.getByRole('heading', { name: 'Review and confirm' }).waitFor();
  await page.getByText('Free until 24 hours before the lesson.').waitFor();
  await page.getByTestId('review-total').waitFor();
  await page.getByRole('button', { name: /Confirm and book/ }).click();
  await page.getByRole('heading', { name: 'Log in or sign up to book' }).waitFor();
  await logIn(page, 'student5@instainstru.local');
  await page.getByText('You are logged in.').waitFor();
  await page.getByRole('heading', { name: 'Review and confirm' }).waitFor();
  const back = new URL(page.url());
  for (const k of ['date', 'time', 'duration']) {
    check(back.searchParams.get(k) === picked.searchParams.get(k), `review step lost the chosen ${k}`);
  }
  check(back.pathname === picked.pathname, 'review step is for another offering');
  check((await page.title()) === 'Review and confirm · InstaInstru', `the tab says "${await page.title()}"`);
  // The policy comes from GET /bookings/terms: the same figures the cancel quote applies later.
  await page.getByText('Free until 24 hours before the lesson.').waitFor();
  await screenshot(page, 'booking-review');

  await page.getByRole('button', { name: /Confirm and book/ }).click();
  await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
  await page.getByRole('link', { name: 'Add to calendar' }).waitFor();
  await screenshot(page, 'booking-confirmed');
  const lessonTitle = await page.locator('main p.font-semibold').first().innerText();

  await page.getByRole('link', { name: 'Go to My lessons' }).click();
  const row = page
    .getByRole('link')
    .filter({ hasText: lessonTitle })
    .filter({ hasText: 'Confirmed' })
    .first();
  await row.waitFor();
  await screenshot(page, 'my-lessons');
  await row.click();

  await page.getByRole('button', { name: 'Cancel lesson' }).click();
  const quote = page.getByTestId('cancel-quote');
  await quote.waitFor();
  const quoted = await quote.innerText();
  const fee = /Cancellation fee: (\$[\d.]+)/.exec(quoted)?.[1] ?? '$0';
  await page.getByLabel(/Reason/).fill('Something came up at work.');
  await screenshot(page, 'cancel-dialog');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Cancel (and pay|the lesson)/ })
    .click();
  const summary = page.getByTestId('cancelled-summary');
  await summary.waitFor();
  const charged = await summary.innerText();
  check(charged.includes(`Fee: ${fee}`), `quoted ${fee} but the cancelled lesson says "${charged}"`);
  return `booked and cancelled "${lessonTitle}", fee ${fee}`;
}
