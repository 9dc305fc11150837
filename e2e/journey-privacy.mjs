import { check, expectConsoleError, openPage, screenshot } from './harness.mjs';

/**
 * (j) A new student searches and books a lesson, downloads their data from the Account page (theirs
 * and nobody else's), then deletes the account with their password: they are signed out, their
 * login is refused, and the instructor sees the lesson cancelled with "Deleted user".
 */
export async function studentExportsThenDeletes({ page, errors, browser, baseURL }) {
  const email = `leaving-${Date.now()}@example.com`;
  const password = 'Leaving-pass-1';
  await page.goto('/signup?next=%2F');
  await page.getByLabel('Full name').fill('Robin Leaving');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByLabel('What do you want to learn?').waitFor();

  // Something to export: a search and a booked lesson.
  await page.getByLabel('What do you want to learn?').fill('piano');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/search\?q=piano/);
  const firstCard = page.locator('article').first();
  await firstCard.getByRole('heading').getByRole('link').click();
  await page.waitForURL(/\/instructors\//);
  await page.locator('a[aria-label^="Book "]').first().click();
  await page.getByRole('heading', { name: 'Review and confirm' }).waitFor();
  await page.getByRole('button', { name: /Confirm and book/ }).click();
  await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
  const upcoming = await page.evaluate(() =>
    fetch('/api/v1/bookings?as=student&scope=upcoming').then((r) => r.json()),
  );
  check(upcoming.items.length === 1, `the new student has ${upcoming.items.length} upcoming lessons`);
  const booking = upcoming.items[0];
  const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
  const myId = me.id ?? me.user?.id;
  check(myId, 'no id for the signed-in student');

  await page.goto('/account');
  await page.getByRole('heading', { name: 'Your data' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  check(
    download.suggestedFilename() === 'instainstru-my-data.json',
    `the file is called ${download.suggestedFilename()}`,
  );
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  const data = JSON.parse(text);
  check(data.profile.email === email, `the export's profile is ${data.profile.email}`);
  check(data.profile.id === myId, 'the export is for another id');
  check(data.roles.includes('student'), `roles ${data.roles}`);
  check(
    data.bookingsAsStudent.length === 1 && data.bookingsAsStudent[0].id === booking.id,
    `the export holds ${data.bookingsAsStudent.length} bookings, not the one booked`,
  );
  check(data.bookingsAsInstructor.length === 0, 'a student exported lessons as an instructor');
  check(data.bookingsAsStudent[0].student_id === myId, 'the exported booking is someone else’s');
  // Exactly the one search this student made: a demo student's history would add other queries.
  const queries = [...data.searchHistory, ...data.searchEvents].map((h) => h.query);
  check(
    data.searchHistory.length === 1 && data.searchEvents.length >= 1 && queries.every((q) => q === 'piano'),
    `the export's searches are ${JSON.stringify(queries)}, not this student's one search for piano`,
  );
  // Nobody else's address: the demo people all have @instainstru.local emails.
  check(!text.includes('@instainstru.local'), 'the export names another person’s email');

  // Delete: the dialog says what is kept and asks for the password.
  await page.getByRole('button', { name: 'Delete my account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('What we keep:').waitFor();
  await dialog.getByLabel('Your password').fill(password);
  await screenshot(page, 'account-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('link', { name: 'Log in' }).first().waitFor();

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').first().waitFor();
  expectConsoleError(errors, /status of 401/);
  const refused = await page.getByRole('alert').first().innerText();

  // The instructor's side: the lesson is cancelled and the student reads as "Deleted user".
  const admin = await adminApi(baseURL);
  const instructor = await admin(`/admin/users/${booking.instructorId}`);
  const instructorEmail = instructor.email ?? instructor.user?.email;
  const teacher = await openPage(browser, baseURL);
  try {
    const t = teacher.page;
    await t.goto(`/login?next=${encodeURIComponent(`/lessons/${booking.id}`)}`);
    await t.getByLabel('Email').fill(instructorEmail);
    await t.getByLabel('Password', { exact: true }).fill('Demo-pass-1');
    await t.getByRole('button', { name: 'Log in' }).click();
    await t.getByRole('heading', { level: 1, name: / with Deleted user$/ }).waitFor();
    await t.getByText('Cancelled', { exact: true }).first().waitFor();
    const held = await t.evaluate((id) => fetch(`/api/v1/bookings/${id}`).then((r) => r.json()), booking.id);
    check(held.status === 'cancelled', `the server says the lesson is ${held.status}`);
    check(
      !held.cancellationFeeCents,
      `the instructor's lesson was cancelled with a fee ${held.cancellationFeeCents}`,
    );
    check(!JSON.stringify(held).includes('Robin'), 'the instructor still sees the student’s name');
    // The instructor was told by email, which no longer names the student; nothing is left to the old address.
    const outbox = await admin('/admin/ops/outbox?limit=100');
    const told = outbox.messages.filter(
      (m) => m.to.toLowerCase() === instructorEmail.toLowerCase() && /cancel/i.test(m.subject),
    );
    check(
      told.length >= 1,
      `no cancellation email to the instructor: ${JSON.stringify(outbox.messages.map((m) => [m.to, m.subject]))}`,
    );
    check(!told.some((m) => /Robin/.test(m.subject + m.preview)), 'the instructor’s email names the student');
    check(
      !outbox.messages.some((m) => m.to.toLowerCase() === email),
      'the outbox still holds mail to the deleted address',
    );
    if (teacher.errors.length)
      throw new Error(`instructor browser errors:\n  ${teacher.errors.join('\n  ')}`);
  } finally {
    await teacher.context.close();
  }
  return `${email}: export held 1 booking and its one search, account deleted, login refused ("${refused}"), instructor sees "Deleted user", lesson cancelled without fee, instructor emailed`;
}

/** The demo admin's view of the API (one login), for what the browser pages do not show. */
async function adminApi(baseURL) {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@instainstru.local', password: 'Demo-pass-1' }),
  });
  const { token } = await login.json();
  return async (path) => {
    const res = await fetch(`${baseURL}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };
}
