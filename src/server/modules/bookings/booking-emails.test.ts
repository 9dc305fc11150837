import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, instructorProfiles } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { START, book, lessonBody, pianoTeacher } from './bookings.test-helpers.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: {
      bookingsPerUserPerMin: 1000,
      publicUrl: 'https://lessons.example',
      mailFrom: 'InstaInstru <hello@lessons.example>',
    },
  });
});
afterAll(() => t.close());

const post = (url: string, token: string, payload?: object) =>
  t.request({ method: 'POST', url, token, payload });

/** The outbox rows of one template to one address, oldest first. */
const mailsTo = async (to: string, template: string) =>
  (await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)))
    .filter((m) => m.template === template)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

function vevent(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const ev = cal.getFirstSubcomponent('vevent')!;
  return { method: cal.getFirstPropertyValue('method'), ev, event: new ICAL.Event(ev) };
}

/** A lesson at the instructor's studio, two days out, with a note full of emoji. */
async function studioLesson(note = 'Bring 🎹 music') {
  const inst = await pianoTeacher(t, { fullName: 'Ada Keys' });
  await t.deps.db
    .update(instructorProfiles)
    .set({ address: '12 Studio Lane, Brooklyn' })
    .where(eq(instructorProfiles.userId, inst.id));
  const student = await t.user({ fullName: 'Bob Stone' });
  const date = localDate(START, 2);
  const res = await book(t, student.token, {
    ...lessonBody(inst.offerings[0]!.id, date, '10:00', 90),
    locationType: 'instructor_place',
    note,
  });
  expect(res.statusCode).toBe(201);
  return { inst, student, id: res.json().id as string, date };
}

describe('booking emails', () => {
  it('are text + HTML with the lesson link, the price in dollars and a REQUEST invitation', async () => {
    const { inst, student, id } = await studioLesson();
    for (const [me, myName, otherName] of [
      [student, 'Bob Stone', 'Ada Keys'],
      [inst, 'Ada Keys', 'Bob Stone'],
    ] as const) {
      const [mail] = await mailsTo(me.email, 'booking_confirmed');
      expect(mail!.textBody).toContain(`View the lesson: https://lessons.example/lessons/${id}`);
      expect(mail!.textBody).toContain('Price: $90.00.');
      expect(mail!.htmlBody).toContain(`href="https://lessons.example/lessons/${id}"`);
      expect(mail!.htmlBody).toContain('$90.00');
      expect(mail!.htmlBody).toContain(`Hi ${myName},`);
      expect(mail!.htmlBody).toContain(otherName);
      const [ics] = mail!.attachments!;
      expect(ics!.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
      const { method, ev, event } = vevent(ics!.content);
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`${id}@lessons.example`);
      expect(event.sequence).toBe(0);
      expect(event.location).toBe('12 Studio Lane, Brooklyn');
      expect(ev.getFirstPropertyValue('url')).toBe(`https://lessons.example/lessons/${id}`);
      const organizer = ev.getFirstProperty('organizer')!;
      expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:hello@lessons.example');
      expect(organizer.getParameter('cn')).toBe('Ada Keys');
      // Each copy names its own recipient as the attendee.
      const attendee = event.attendees[0]!;
      expect(String(attendee.getFirstValue()).toLowerCase()).toBe(`mailto:${me.email.toLowerCase()}`);
      expect(attendee.getParameter('cn')).toBe(myName);
    }
  });

  it('raise SEQUENCE on every reschedule and the cancellation, and the download agrees', async () => {
    const { inst, student, id, date } = await studioLesson();
    const download = async (token: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/bookings/${id}/calendar.ics`, token });
      expect(res.statusCode).toBe(200);
      return vevent(res.body);
    };
    expect((await download(student.token)).event.sequence).toBe(0);
    for (const [i, startTime] of ['13:00', '15:00'].entries()) {
      const res = await post(`/api/v1/bookings/${id}/reschedule`, student.token, { date, startTime });
      expect(res.statusCode).toBe(200);
      const mails = await mailsTo(inst.email, 'booking_rescheduled');
      expect(mails).toHaveLength(i + 1);
      expect(vevent(mails[i]!.attachments![0]!.content).event.sequence).toBe(i + 1);
      const file = await download(inst.token);
      expect(file.event.sequence).toBe(i + 1);
      expect(file.method).toBe('PUBLISH');
      expect(file.event.uid).toBe(`${id}@lessons.example`);
    }
    expect(
      (await post(`/api/v1/bookings/${id}/cancel`, inst.token, { reason: 'Ill <today> & tomorrow' }))
        .statusCode,
    ).toBe(200);
    const [cancel] = await mailsTo(student.email, 'booking_cancelled');
    expect(cancel!.attachments![0]!.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const { method, ev, event } = vevent(cancel!.attachments![0]!.content);
    expect(method).toBe('CANCEL');
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(3);
    expect((await download(student.token)).event.sequence).toBe(3);
    // The reason is the instructor's text: escaped in HTML, as written in the text part.
    expect(cancel!.textBody).toContain('Reason: Ill <today> & tomorrow');
    expect(cancel!.htmlBody).toContain('Reason: Ill &lt;today&gt; &amp; tomorrow');
    expect(cancel!.htmlBody).not.toContain('<today>');
  });

  it('carry a note of 40 emoji through the calendar file intact', async () => {
    const note = '🎹'.repeat(40);
    const { student } = await studioLesson(note);
    const [mail] = await mailsTo(student.email, 'booking_confirmed');
    const content = mail!.attachments![0]!.content;
    expect(content).not.toContain('\uFFFD');
    expect(vevent(content).event.description).toContain(`Note: ${note}`);
  });
});
