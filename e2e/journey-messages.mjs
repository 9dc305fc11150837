import { check, fitsWidth, logIn, openPage, screenshot } from './harness.mjs';

const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });

/**
 * (h) A student (on a phone) asks an instructor (on a laptop) a question from the public profile;
 * both pages stay open and everything arrives live over the event stream: the instructor's badge
 * counts up, clears when they read the thread, the student sees "Seen" and the reply. Pages with an
 * open stream never reach network idle, so every wait is for the page or for an element.
 */
export async function studentAndInstructorMessageLive({ page: teacher, browser, baseURL }) {
  const teacherEmail = await instructorWithUpcomingLessons(baseURL);
  await teacher.goto('/login?next=%2Fteach');
  await logIn(teacher, teacherEmail);
  await teacher.getByRole('heading', { name: 'Teaching dashboard' }).waitFor();
  const profile = await teacher.evaluate(() => fetch('/api/v1/instructors/me').then((r) => r.json()));
  const instructorId = profile.id ?? profile.userId;
  check(instructorId, 'the instructor has no id');
  await mainNav(teacher)
    .getByRole('link', { name: /^Messages$/ })
    .waitFor();

  const phone = await openPage(browser, baseURL, { width: 375, height: 812 });
  try {
    const student = phone.page;
    await student.goto(`/login?next=${encodeURIComponent(`/instructors/${instructorId}`)}`);
    await logIn(student, 'student6@instainstru.local');
    await student.getByRole('button', { name: 'Message instructor' }).click();
    await student.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const box = student.getByRole('textbox', { name: /^Message to / });
    await box.waitFor();
    // Before a booked lesson, the page says why emails and numbers would read as hidden.
    const conversationId = student.url().split('/').pop();
    const seen = await student.evaluate(
      (id) => fetch(`/api/v1/conversations/${id}`).then((r) => r.json()),
      conversationId,
    );
    if (seen.contactDetails.masked)
      await student.getByText(seen.contactDetails.explanation, { exact: true }).waitFor();

    // Enter sends; the instructor's badge counts the message without a reload.
    const first = 'Hello! Do you teach complete beginners?';
    await box.fill(first);
    await box.press('Enter');
    await student
      .getByTestId('message')
      .filter({ hasText: first })
      .getByText('Sent')
      .waitFor({ state: 'attached' });
    check((await box.inputValue()) === '', 'the composer was not cleared after sending');
    await mainNav(teacher).getByRole('link', { name: 'Messages 1 unread' }).waitFor();
    const announced = await teacher.getByTestId('message-announcer').innerText();
    check(announced.includes(first), `the live region said "${announced}"`);

    // Shift+Enter is a new line in the same message.
    await box.fill('I am free on weekends.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Is Saturday morning possible?');
    check((await box.inputValue()).includes('\n'), 'Shift+Enter did not start a new line');
    await box.press('Enter');
    await mainNav(teacher).getByRole('link', { name: 'Messages 2 unread' }).waitFor();
    const second = student.getByTestId('message').filter({ hasText: 'Saturday morning' });
    check(
      (await second.locator('div').first().innerText()).includes('weekends.\nIs Saturday'),
      'the two lines of the message were joined',
    );

    // The instructor opens the conversation: it reads as read, the badge clears, the student sees it.
    await mainNav(teacher)
      .getByRole('link', { name: /^Messages/ })
      .click();
    const row = teacher.getByRole('main').getByRole('link', { name: /2 unread/ });
    const studentName = (await row.locator('span.truncate').first().innerText()).trim();
    await row.click();
    await teacher.getByRole('heading', { name: studentName }).waitFor();
    await teacher.getByTestId('message').filter({ hasText: first }).waitFor();
    await mainNav(teacher)
      .getByRole('link', { name: /^Messages$/ })
      .waitFor();
    // Both read; the visible mark sits under the last one.
    await second.getByTestId('seen').getByText('Seen').waitFor();
    check((await student.getByTestId('seen').count()) === 2, 'not both messages read as seen');

    // The reply arrives in the student's open thread, live, and is read at once there.
    const reply = 'Yes, beginners are welcome. Saturday at 10 works.';
    const teacherBox = teacher.getByRole('textbox', { name: `Message to ${studentName}` });
    await teacherBox.fill(reply);
    await teacherBox.press('Enter');
    await student.getByTestId('message').filter({ hasText: reply }).waitFor();
    await teacher.getByTestId('message').filter({ hasText: reply }).getByText('Seen').waitFor();
    const studentBadge = await student.getByTestId('unread-badge').count();
    check(studentBadge === 0, 'the student’s badge stayed up with the thread open');
    await fitsWidth(student, 'the thread at 375px');
    await screenshot(student, 'messages-thread-phone');

    // A burst of 28 more arrives in the open thread once each; after a reload the history comes a
    // page (30) at a time, and "Load older messages" brings back the first question.
    await teacher.evaluate(async (id) => {
      for (let i = 1; i <= 28; i++) {
        const res = await fetch(`/api/v1/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ body: `Note ${i} of 28`, clientMessageId: crypto.randomUUID() }),
        });
        if (res.status !== 201) throw new Error(`send ${i} answered ${res.status}`);
      }
    }, conversationId);
    await student.getByTestId('message').filter({ hasText: 'Note 28 of 28' }).waitFor();
    const live = await student.getByTestId('message').count();
    check(live === 31, `the open thread shows ${live} messages, not 31`);
    await student.reload();
    await student.getByTestId('message').filter({ hasText: 'Note 28 of 28' }).waitFor();
    check((await student.getByTestId('message').filter({ hasText: first }).count()) === 0, 'page one is all');
    await student.getByRole('button', { name: 'Load older messages' }).click();
    await student.getByTestId('message').filter({ hasText: first }).waitFor();
    check((await student.getByTestId('message').count()) === 31, 'older pages doubled or lost messages');

    // "Message instructor" on a lesson opens the conversation with that lesson's instructor.
    await student.goto('/lessons');
    await student.locator('#lessons-panel ul a').first().click();
    await student.getByRole('heading', { level: 1, name: / with / }).waitFor();
    const withWhom = (await student.getByRole('heading', { level: 1 }).innerText()).split(' with ').pop();
    await student.getByRole('button', { name: 'Message instructor' }).click();
    await student.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await student.getByRole('heading', { name: withWhom, level: 2 }).waitFor();
    await student.goBack();
    await student.getByRole('button', { name: 'Message instructor' }).waitFor();

    await screenshot(teacher, 'messages-thread');

    // "Message student" in the instructor's lesson list opens the conversation with that student.
    await mainNav(teacher).getByRole('link', { name: 'Teaching' }).click();
    const lesson = teacher.locator('#teaching-heading ~ ul > li').first();
    const lessonTitle = await lesson.locator('a').first().innerText();
    const pupil = lessonTitle.split(' with ').pop();
    await lesson.getByRole('button', { name: 'Message student' }).click();
    await teacher.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await teacher.getByRole('heading', { name: pupil, level: 2 }).waitFor();
    if (phone.errors.length) throw new Error(`student browser errors:\n  ${phone.errors.join('\n  ')}`);
    return `3 messages live between ${studentName} and the instructor; badge 1 → 2 → cleared on reading; 31 live, paged back; lesson buttons open threads`;
  } finally {
    await phone.context.close();
  }
}

/**
 * The demo data spreads lessons over instructors by its own plan: the instructor of one of a demo
 * student's upcoming lessons, found through the API (three logins, well inside the login limits).
 */
export async function instructorWithUpcomingLessons(baseURL) {
  const api = async (path, init = {}) => {
    const res = await fetch(`${baseURL}/api/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };
  const tokenOf = async (email) =>
    (await api('/auth/login', { method: 'POST', body: JSON.stringify({ email, password: 'Demo-pass-1' }) }))
      .token;
  const student = await tokenOf('student1@instainstru.local');
  const lessons = await api('/bookings?as=student&scope=upcoming', {
    headers: { authorization: `Bearer ${student}` },
  });
  const instructorId = lessons.items[0]?.instructorId;
  if (!instructorId) throw new Error('student1 has no upcoming lesson');
  const admin = await tokenOf('admin@instainstru.local');
  const user = await api(`/admin/users/${instructorId}`, { headers: { authorization: `Bearer ${admin}` } });
  return user.email ?? user.user?.email;
}
