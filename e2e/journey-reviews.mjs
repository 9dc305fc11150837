import { audit, check, logIn, openPage, screenshot } from './harness.mjs';

/** A lesson of this student's, completed and still open for a review (the demo has a few recent ones). */
async function reviewableLesson(page) {
  return page.evaluate(async () => {
    const past = await fetch('/api/v1/bookings?as=student&scope=history&perPage=50').then((r) => r.json());
    for (const b of past.items.filter((x) => x.status === 'completed')) {
      const f = await fetch(`/api/v1/bookings/${b.id}/feedback`).then((r) => r.json());
      if (f.canReview) return { id: b.id, instructorId: b.instructorId, service: b.service.name };
    }
    return null;
  });
}

async function signedIn(browser, baseURL, email) {
  const opened = await openPage(browser, baseURL);
  await opened.page.goto('/login');
  await logIn(opened.page, email);
  await opened.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return opened;
}

/**
 * Issue 13's review journey: a student reviews a completed lesson; the review stays blind until the
 * instructor gives their private feedback; the instructor then sees it and replies once; the
 * profile shows review and reply, and the instructor's rating counts one more review.
 */
export async function reviewReplyRating({ page, browser, baseURL }) {
  let lesson = null;
  let student = '';
  for (let k = 1; k <= 8 && !lesson; k++) {
    student = `student${k}@instainstru.local`;
    await page.goto('/login');
    await logIn(page, student);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    lesson = await reviewableLesson(page);
    if (!lesson) await page.getByRole('button', { name: 'Log out' }).click();
  }
  check(lesson, 'no demo student has a completed lesson still open for a review');
  const before = await page.evaluate(
    (id) => fetch(`/api/v1/instructors/${id}`).then((r) => r.json()),
    lesson.instructorId,
  );

  const text = `Clear explanations and a plan for the week (${Date.now()}).`;
  await page.goto(`/lessons/${lesson.id}`);
  const form = page.getByRole('form', { name: 'Review this lesson' });
  await form.getByLabel('4★').check();
  await form.getByLabel('What should others know? (optional)').fill(text);
  await form.getByLabel('patient').check();
  await form.getByRole('button', { name: 'Post review' }).click();
  await page.getByText(/^Published once the instructor has written theirs/).waitFor();
  await audit(page, 'the lesson page with a blind review');

  // The instructor's email, as an admin sees the account.
  const admin = await signedIn(browser, baseURL, 'admin@instainstru.local');
  const account = await admin.page.evaluate(
    (id) => fetch(`/api/v1/admin/users/${id}`).then((r) => r.json()),
    lesson.instructorId,
  );
  await admin.context.close();

  const teacher = await signedIn(browser, baseURL, account.email);
  try {
    const t = teacher.page;
    await t.goto(`/lessons/${lesson.id}`);
    const feedback = t.getByRole('form', { name: 'Feedback on the student' });
    await feedback.waitFor();
    check(
      !(await t.getByText(text).count()),
      'the instructor sees the review before giving their own feedback',
    );
    await feedback.getByLabel('5★').check();
    await feedback.getByLabel('Notes (optional)').fill('Came prepared, practised between lessons.');
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    // Both have written: the double-blind lifts and the review shows, open for one reply.
    const review = t.getByRole('region', { name: 'The student’s review' });
    await review.getByText(text).waitFor();
    await t.getByText('Private: only you and the platform see it.').waitFor();
    const reply = 'Thank you, see you next week!';
    await review.getByLabel(/^Reply publicly/).fill(reply);
    await review.getByRole('button', { name: 'Post reply' }).click();
    await review.getByText(`Your reply: ${reply}`).waitFor();
    check(!(await review.getByRole('button', { name: 'Post reply' }).count()), 'a second reply is offered');
    await screenshot(t, 'instructor-review-reply');

    // The public side: the profile lists the review with its reply; the rating counts it.
    await page.goto(`/instructors/${lesson.instructorId}`);
    const item = page.locator('li', { hasText: text });
    await item.waitFor();
    await item.getByText(`Reply from the instructor: ${reply}`).waitFor();
    const after = await page.evaluate(
      (id) => fetch(`/api/v1/instructors/${id}`).then((r) => r.json()),
      lesson.instructorId,
    );
    check(
      after.reviewCount === before.reviewCount + 1,
      `reviews ${before.reviewCount} → ${after.reviewCount}, expected one more`,
    );
    await page.getByText(`· ${after.reviewCount} reviews`).first().waitFor();
    return `${student} reviewed "${lesson.service}" 4★; blind until the instructor's feedback; reply shown; reviews ${before.reviewCount} → ${after.reviewCount}, rating ${before.rating} → ${after.rating}`;
  } finally {
    await teacher.context.close();
  }
}
