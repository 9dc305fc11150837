import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

// Tuesday 24 November 2026, 10:00 in New York: this week is Mon 23 – Sun 29.
const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.request({ method, url: `/api/v1/instructors/me${url}`, token, payload });
const NEXT_WEEK = '2026-11-30';

describe('weekly availability', () => {
  it('replaces a week, merging overlapping and adjacent ranges; reads it back', async () => {
    const i = await createInstructor(t);
    const res = await req('PUT', '/availability/week', i.token, {
      start: NEXT_WEEK,
      days: [
        {
          date: '2026-11-30',
          ranges: [
            { start: '09:00', end: '11:00' },
            { start: '10:30', end: '12:00' },
            { start: '12:00', end: '13:00' },
          ],
        },
        { date: '2026-12-02', ranges: [{ start: '18:00', end: '24:00' }] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const week = (await req('GET', '/availability/week?start=2026-12-03', i.token)).json();
    expect(week.weekStart).toBe(NEXT_WEEK);
    expect(week.timezone).toBe('America/New_York');
    expect(week.days).toHaveLength(7);
    expect(week.days[0].ranges).toEqual([{ start: '09:00', end: '13:00' }]);
    expect(week.days[2].ranges).toEqual([{ start: '18:00', end: '24:00' }]);
    expect(week.days[1].ranges).toEqual([]);
  });

  it('refuses ranges in the past, off the 15-minute grid, backwards, outside the week, or with unknown fields', async () => {
    const i = await createInstructor(t);
    const put = (days: object[], start = '2026-11-23') =>
      req('PUT', '/availability/week', i.token, { start, days });
    expect(
      (await put([{ date: '2026-11-23', ranges: [{ start: '09:00', end: '10:00' }] }])).json().error.code,
    ).toBe('PAST_DATE');
    expect((await put([{ date: '2026-11-25', ranges: [{ start: '09:10', end: '10:00' }] }])).statusCode).toBe(
      400,
    );
    expect((await put([{ date: '2026-11-25', ranges: [{ start: '11:00', end: '10:00' }] }])).statusCode).toBe(
      400,
    );
    expect(
      (await put([{ date: '2026-12-25', ranges: [{ start: '09:00', end: '10:00' }] }])).json().error.code,
    ).toBe('DATE_OUTSIDE_WEEK');
    expect((await put([], '2026-11-24')).json().error.code).toBe('NOT_A_MONDAY');
    expect(
      (await put([{ date: '2026-11-25', ranges: [{ start: '09:00', end: '10:00', id: 'x' }] }])).statusCode,
    ).toBe(400);
  });

  it('copies a week and applies it as a pattern to a date range', async () => {
    const i = await createInstructor(t);
    await req('PUT', '/availability/week', i.token, {
      start: NEXT_WEEK,
      days: [{ date: '2026-11-30', ranges: [{ start: '08:00', end: '10:00' }] }],
    });
    const copied = await req('POST', '/availability/copy-week', i.token, {
      fromWeekStart: NEXT_WEEK,
      toWeekStart: '2026-12-07',
    });
    expect(copied.json().days[0]).toMatchObject({
      date: '2026-12-07',
      ranges: [{ start: '08:00', end: '10:00' }],
    });
    const applied = await req('POST', '/availability/apply-pattern', i.token, {
      fromWeekStart: NEXT_WEEK,
      startDate: '2026-12-14',
      endDate: '2027-01-10',
    });
    expect(applied.json()).toEqual({ datesUpdated: 28 });
    const jan = (await req('GET', '/availability/week?start=2027-01-04', i.token)).json();
    expect(jan.days[0].ranges).toEqual([{ start: '08:00', end: '10:00' }]);
    const tooLong = await req('POST', '/availability/apply-pattern', i.token, {
      fromWeekStart: NEXT_WEEK,
      startDate: '2026-12-01',
      endDate: '2028-01-01',
    });
    expect(tooLong.json().error.code).toBe('RANGE_TOO_LONG');
  });

  it('bulk: validate_only writes nothing; a failing operation writes nothing and answers 422 in the error shape with per-operation results', async () => {
    const i = await createInstructor(t);
    const ops = [
      { action: 'add', date: '2026-12-01', start: '09:00', end: '12:00' },
      {
        action: 'update',
        date: '2026-12-01',
        start: '09:00',
        end: '10:00',
        newStart: '13:00',
        newEnd: '14:00',
      },
      { action: 'remove', date: '2026-12-01', start: '11:00', end: '11:30' },
    ];
    const dry = await req('POST', '/availability/bulk', i.token, { operations: ops, validate_only: true });
    expect(dry.json()).toMatchObject({
      validateOnly: true,
      applied: false,
      results: [{ ok: true }, { ok: true }, { ok: true }],
    });
    const day = async () =>
      (await req('GET', `/availability/week?start=${NEXT_WEEK}`, i.token)).json().days[1].ranges;
    expect(await day()).toEqual([]);
    const bad = await req('POST', '/availability/bulk', i.token, {
      operations: [...ops, { action: 'remove', date: '2026-12-01', start: '20:00', end: '21:00' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'OPERATIONS_FAILED', details: { applied: false } });
    expect(bad.json().error.details.results[3]).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(await day()).toEqual([]);
    const real = await req('POST', '/availability/bulk', i.token, { operations: ops });
    expect(real.json().applied).toBe(true);
    expect(await day()).toEqual([
      { start: '10:00', end: '11:00' },
      { start: '11:30', end: '12:00' },
      { start: '13:00', end: '14:00' },
    ]);
  });

  it('changing availability never touches existing bookings and shows them read-only in the week', async () => {
    const i = await createInstructor(t);
    const s = await t.user();
    await insertLessonRow(t, { instructor: i, studentId: s.id, startsAt: '2026-12-01T15:00:00Z' });
    await req('PUT', '/availability/week', i.token, { start: NEXT_WEEK, days: [] });
    const week = (await req('GET', `/availability/week?start=${NEXT_WEEK}`, i.token)).json();
    expect(week.days[1].bookings).toMatchObject([{ start: '10:00', end: '11:00', status: 'confirmed' }]);
    const rows = await t.deps.db.select().from(bookings);
    expect(rows.some((b) => b.instructorId === i.id && b.status === 'confirmed')).toBe(true);
  });
});

describe('blackout dates', () => {
  it('adds, lists, refuses duplicates and past dates, deletes', async () => {
    const i = await createInstructor(t);
    expect(
      (await req('POST', '/blackouts', i.token, { date: '2026-12-24', reason: 'Holiday' })).statusCode,
    ).toBe(201);
    expect(
      (await req('POST', '/blackouts', i.token, { date: '2026-12-24', reason: 'Again' })).statusCode,
    ).toBe(409);
    expect(
      (await req('POST', '/blackouts', i.token, { date: '2026-11-01', reason: 'Past' })).json().error.code,
    ).toBe('PAST_DATE');
    expect((await req('GET', '/blackouts', i.token)).json()).toMatchObject({
      total: 1,
      items: [{ date: '2026-12-24', reason: 'Holiday' }],
    });
    expect((await req('DELETE', '/blackouts/2026-12-24', i.token)).statusCode).toBe(204);
    expect((await req('DELETE', '/blackouts/2026-12-24', i.token)).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('instructor routes: owner only; a student gets 403, anonymous 401; an admin without a profile gets 404', async () => {
    const student = await t.user();
    const admin = await t.user({ roles: ['admin'] });
    expect((await req('GET', '/availability/week', student.token)).statusCode).toBe(403);
    expect((await req('GET', '/availability/week')).statusCode).toBe(401);
    expect((await req('GET', '/availability/week', admin.token)).statusCode).toBe(404);
    expect(
      (await req('POST', '/blackouts', student.token, { date: '2026-12-24', reason: 'x' })).statusCode,
    ).toBe(403);
  });
});
