import { describe, expect, it } from 'vitest';
import { searchOk, searchUrl, useSearchTestApp } from './search.test-helpers.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';

const app = useSearchTestApp({ demo: false });
const { clock } = app;

interface Result {
  instructor: { id: string };
  nextAvailableAt: string | null;
  nextTimes: { time: string }[];
}
interface Full {
  earliestAvailableAt: string | null;
  days: { date: string; startTimes: string[] }[];
}

describe('a signed-in student is not offered times that overlap their own lessons', () => {
  it('in search and on the booking page, from this or another instructor, while a guest still is', async () => {
    const tomorrow = localDate(clock.now(), 1);
    const a = await createInstructor(app.t, { services: [{ slug: 'clarinet', durations: [60] }] });
    const b = await createInstructor(app.t, { services: [{ slug: 'flute', durations: [60] }] });
    await addAvailability(app.t, a.id, [tomorrow], ['10:00-12:00']);
    await addAvailability(app.t, b.id, [tomorrow], ['10:00-12:00']);
    const student = await app.t.user();
    const booked = await app.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: student.token,
      payload: {
        instructorServiceId: a.offerings[0]!.id,
        date: tomorrow,
        startTime: '10:00',
        durationMinutes: 60,
        locationType: 'online',
      },
    });
    expect(booked.statusCode).toBe(201);

    // Search: the other instructor's 10:00 (and 10:30, which would overlap too) are gone for the student.
    const auth = { authorization: `Bearer ${student.token}` };
    const find = async (q: string, headers: Record<string, string> = {}) =>
      (await searchOk<{ results: Result[]; total: number }>(app.t, q, {}, headers)).results.find(
        (r) => r.instructor.id === b.id,
      );
    expect((await find('flute'))!.nextTimes.map((n) => n.time)).toEqual(['10:00', '10:30', '11:00']);
    const mine = (await find('flute', auth))!;
    expect(mine.nextTimes.map((n) => n.time)).toEqual(['11:00']);
    expect(mine.nextAvailableAt).toBe(`${tomorrow}T16:00:00.000Z`);
    // Asked for 10 am tomorrow, the only time is the student's own lesson: not a result for them.
    expect(await find('flute tomorrow at 10am')).toBeDefined();
    expect(await find('flute tomorrow at 10am', auth)).toBeUndefined();

    const res = await app.t.request({ method: 'GET', url: searchUrl('flute'), headers: auth });
    expect(res.headers['cache-control']).toContain('private');
    expect(String(res.headers.vary)).toMatch(/Authorization/i);
    expect(String(res.headers.vary)).toMatch(/Cookie/i);

    // The booking page's start times, for the other instructor.
    const url = `/api/v1/public/instructors/${b.id}/availability?start=${tomorrow}&end=${tomorrow}&duration=60`;
    const guest = await app.t.request({ method: 'GET', url });
    expect(guest.statusCode).toBe(200);
    expect((guest.json() as Full).days[0]!.startTimes).toContain('10:00');
    expect(guest.headers['cache-control']).toContain('public');
    expect(String(guest.headers.vary)).toMatch(/Authorization.*Cookie|Cookie.*Authorization/i);

    const signedIn = await app.t.request({ method: 'GET', url, token: student.token });
    expect(signedIn.statusCode).toBe(200);
    const theirs = signedIn.json() as Full;
    expect(theirs.days[0]!.startTimes).toEqual(['11:00']);
    expect(theirs.earliestAvailableAt).toBe(`${tomorrow}T16:00:00.000Z`);
    expect(signedIn.headers['cache-control']).toContain('private');
    expect(signedIn.headers.etag).not.toBe(guest.headers.etag);
    expect(String(signedIn.headers.vary)).toMatch(/Authorization.*Cookie|Cookie.*Authorization/i);

    // The shared cache still answers the guest in full after the student's request.
    const again = await app.t.request({ method: 'GET', url });
    expect((again.json() as Full).days[0]!.startTimes).toContain('10:00');

    // Cancelled, the lesson frees the time again.
    const id = (booked.json() as { id: string }).id;
    const cancel = await app.t.request({
      method: 'POST',
      url: `/api/v1/bookings/${id}/cancel`,
      token: student.token,
      payload: { reason: 'Changed my plans' },
    });
    expect(cancel.statusCode).toBe(200);
    expect((await find('flute', auth))!.nextTimes.map((n) => n.time)).toEqual(['10:00', '10:30', '11:00']);
  });
});
