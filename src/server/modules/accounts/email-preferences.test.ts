import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, emailPreferences } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { messageOf } from '../../platform/mail/outbox-relay.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';
import { START, bookLesson, hoursBefore, pianoTeacher } from '../bookings/bookings.test-helpers.js';
import { conversationBetween, send } from '../messaging/messaging.test-helpers.js';
import { unsubscribeToken } from './unsubscribe.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: {
      bookingsPerUserPerMin: 1000,
      messagesPerUserPerMin: 1000,
      publicUrl: 'https://lessons.example',
    },
  });
});
afterAll(() => t.close());

const PREFS = '/api/v1/auth/me/email-preferences';
const prefsOf = async (token: string) => (await t.request({ method: 'GET', url: PREFS, token })).json();
const patch = (payload: unknown, token?: string) =>
  t.request({ method: 'PATCH', url: PREFS, token, payload: payload as object });
const tokenFor = (userId: string, category: 'newMessages' | 'lessonReminders') =>
  unsubscribeToken(t.deps.mailer.listSecret, userId, category);
/** What a mail app does with List-Unsubscribe-Post (RFC 8058). */
const oneClick = (token: string) =>
  t.request({
    method: 'POST',
    url: `/unsubscribe/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
const mailsTo = (to: string, template: string) =>
  t.deps.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)));

describe('email preferences routes', () => {
  it('start all on, change one at a time for the signed-in owner, and refuse unknown fields', async () => {
    const me = await t.user();
    expect(await prefsOf(me.token)).toEqual({ newMessages: true, lessonReminders: true });
    const off = await patch({ lessonReminders: false }, me.token);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ newMessages: true, lessonReminders: false });
    expect((await patch({ newMessages: false }, me.token)).json()).toEqual({
      newMessages: false,
      lessonReminders: false,
    });
    expect((await patch({ newMessages: true, userId: me.id }, me.token)).statusCode).toBe(400);
    expect((await patch({}, me.token)).statusCode).toBe(400);
    expect((await patch({ newMessages: 'no' }, me.token)).statusCode).toBe(400);
    expect(await prefsOf(me.token)).toEqual({ newMessages: false, lessonReminders: false });
  });

  it('answer 401 to anonymous requests, and one person’s change never touches another’s', async () => {
    const a = await t.user();
    const b = await t.user();
    expect((await t.request({ method: 'GET', url: PREFS })).statusCode).toBe(401);
    expect((await patch({ newMessages: false })).statusCode).toBe(401);
    await patch({ newMessages: false }, a.token);
    expect(await prefsOf(b.token)).toEqual({ newMessages: true, lessonReminders: true });
  });
});

describe('unsubscribe links', () => {
  it('turn the category off on a one-click POST without login, idempotently', async () => {
    const me = await t.user();
    const token = tokenFor(me.id, 'newMessages');
    const first = await oneClick(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ category: 'newMessages', subscribed: false });
    expect((await oneClick(token)).statusCode).toBe(200);
    expect(await prefsOf(me.token)).toEqual({ newMessages: false, lessonReminders: true });
    // The web page's button uses the API twin of the same link.
    const api = await t.request({
      method: 'POST',
      url: `/api/v1/email/unsubscribe/${tokenFor(me.id, 'lessonReminders')}`,
    });
    expect(api.statusCode).toBe(200);
    expect(await prefsOf(me.token)).toEqual({ newMessages: false, lessonReminders: false });
  });

  it('change nothing on a GET (mail scanners follow links)', async () => {
    const me = await t.user();
    const token = tokenFor(me.id, 'lessonReminders');
    const page = await t.request({
      method: 'GET',
      url: `/unsubscribe/${token}`,
      headers: { accept: 'text/html' },
    });
    // The web app's page with a button (its not-built placeholder in this test run), never an unsubscribe.
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const info = await t.request({ method: 'GET', url: `/api/v1/email/unsubscribe/${token}` });
    expect(info.json()).toEqual({ category: 'lessonReminders', subscribed: true });
    expect(await prefsOf(me.token)).toEqual({ newMessages: true, lessonReminders: true });
  });

  it('refuse forged tokens and a token re-pointed at another person or category, changing nothing', async () => {
    const a = await t.user();
    const b = await t.user();
    const aMessages = tokenFor(a.id, 'newMessages');
    const [, aHex, sig] = /^m_([0-9a-f]{32})_(.{43})$/.exec(aMessages)!;
    const bHex = b.id.replaceAll('-', '');
    const tampered = [
      `m_${bHex}_${sig}`, // A's signature on B's id
      `r_${aHex}_${sig}`, // A's new-messages signature for A's reminders
      `m_${aHex}_${'A'.repeat(43)}`, // a made-up signature
      unsubscribeToken('some other secret', b.id, 'newMessages'),
    ];
    for (const token of tampered) {
      const res = await oneClick(token);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_UNSUBSCRIBE_LINK');
    }
    expect((await oneClick('not-a-token')).statusCode).toBe(400);
    expect(await prefsOf(a.token)).toEqual({ newMessages: true, lessonReminders: true });
    expect(await prefsOf(b.token)).toEqual({ newMessages: true, lessonReminders: true });
  });
});

describe('optional mail respects the preference and carries List-Unsubscribe', () => {
  it('new-message emails: queued with one-click headers while on, not written at all once off', async () => {
    const inst = await pianoTeacher(t);
    const s1 = await t.user();
    const s2 = await t.user();
    await send(t, s1.token, await conversationBetween(t, s1.token, inst.id), 'hello');
    const [mail] = await mailsTo(inst.email, 'new_message');
    const headers = mail!.headers!;
    const url = /^<(https:\/\/lessons\.example\/unsubscribe\/([^>]+))>$/.exec(headers['List-Unsubscribe']!)!;
    expect(url).not.toBeNull();
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The relay sends them as message headers.
    const sent = messageOf('ii@lessons.example', {
      id: mail!.id,
      to_address: mail!.toAddress,
      subject: mail!.subject,
      text_body: mail!.textBody,
      html_body: mail!.htmlBody,
      attachments: mail!.attachments,
      headers: mail!.headers,
      attempts: 1,
    });
    expect(sent.headers).toEqual(headers);
    // The link in the header is the instructor's, for new messages: a mail app's POST turns them off.
    expect((await oneClick(url[2]!)).json()).toEqual({ category: 'newMessages', subscribed: false });
    await send(t, s2.token, await conversationBetween(t, s2.token, inst.id), 'hello again');
    expect(await mailsTo(inst.email, 'new_message')).toHaveLength(1);
  });

  it('reminders: only to the person who keeps them, with List-Unsubscribe and a REQUEST .ics', async () => {
    const { student, inst, id, startsAt } = await bookLesson(t, localDate(START, 3));
    await patch({ lessonReminders: false }, student.token);
    // Transactional mail always goes, without the header.
    const [confirmation] = await mailsTo(student.email, 'booking_confirmed');
    expect(confirmation!.headers).toBeNull();
    hoursBefore(clock, startsAt, 23);
    await t.deps.jobs.enqueue('bookings.reminders', {});
    await t.drainJobs();
    for (let i = 0; i < 100 && (await mailsTo(inst.email, 'booking_reminder')).length < 1; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await mailsTo(student.email, 'booking_reminder')).toHaveLength(0);
    const [reminder] = await mailsTo(inst.email, 'booking_reminder');
    expect(reminder!.headers!['List-Unsubscribe']).toBe(
      `<https://lessons.example/unsubscribe/${tokenFor(inst.id, 'lessonReminders')}>`,
    );
    expect(reminder!.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const [ics] = reminder!.attachments!;
    expect(ics!.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const cal = new ICAL.Component(ICAL.parse(ics!.content));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`${id}@lessons.example`);
    expect(event.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
    // Password reset: transactional, no unsubscribe header.
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: student.email },
    });
    const [reset] = await mailsTo(student.email, 'password_reset');
    expect(reset!.headers).toBeNull();
  });
});

describe('privacy', () => {
  it('the export holds my preferences; erasing my account removes them', async () => {
    const me = await t.user();
    const none = await t.request({ method: 'GET', url: '/api/v1/privacy/export', token: me.token });
    expect(none.json().emailPreferences).toBeNull();
    await patch({ newMessages: false }, me.token);
    const res = await t.request({ method: 'GET', url: '/api/v1/privacy/export', token: me.token });
    expect(res.json().emailPreferences).toMatchObject({ new_messages: false, lesson_reminders: true });
    const deleted = await t.request({
      method: 'POST',
      url: '/api/v1/privacy/delete',
      token: me.token,
      payload: { password: TEST_PASSWORD },
    });
    expect(deleted.statusCode).toBe(200);
    expect(await t.deps.db.select().from(emailPreferences).where(eq(emailPreferences.userId, me.id))).toEqual(
      [],
    );
  });
});
