import { DateTime } from 'luxon';
import { call } from './http.js';

export const DEMO_PASSWORD = 'Demo-pass-1';
export const demoInstructor = (n: number) => `instructor${n}@instainstru.local`;

export interface Person {
  id: string;
  email: string;
  token: string;
  /** Lessons planned for this student, as [start, end) ms: a student cannot be in two at once. */
  busy: [number, number][];
}

export interface Slot {
  instructorServiceId: string;
  instructorId: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  locationType: 'online' | 'instructor_place' | 'student_place';
  startsAt: number;
}

export const bookingBody = (s: Slot) => ({
  instructorServiceId: s.instructorServiceId,
  date: s.date,
  startTime: s.startTime,
  durationMinutes: s.durationMinutes,
  locationType: s.locationType,
});

/** Runs fn over items with at most `width` in flight. */
export async function pool<T, R>(
  items: T[],
  width: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

interface AuthAnswer {
  user: { id: string };
  token: string;
}

/** Fresh students (no demo lessons of their own), so a planned lesson can only clash with the plan. */
export async function signupStudents(base: string, tag: string, n: number): Promise<Person[]> {
  return pool(
    Array.from({ length: n }, (_, i) => i),
    4,
    async (i) => {
      const email = `faults-${tag}-${i}-${Date.now().toString(36)}@example.test`;
      const a = await call<AuthAnswer>(base, 'POST', '/api/v1/auth/signup', {
        body: { email, password: DEMO_PASSWORD, fullName: `Fault Student ${i}` },
        timeoutMs: 20_000,
      });
      if (a.status !== 201 && a.status !== 200)
        throw new Error(`signup ${email}: ${a.status} ${JSON.stringify(a.body)}`);
      return { id: a.body.user.id, email, token: a.body.token, busy: [] };
    },
  );
}

export async function login(base: string, email: string): Promise<Person> {
  const a = await call<AuthAnswer>(base, 'POST', '/api/v1/auth/login', {
    body: { email, password: DEMO_PASSWORD },
    timeoutMs: 20_000,
  });
  if (a.status !== 200) throw new Error(`login ${email}: ${a.status} ${JSON.stringify(a.body)}`);
  return { id: a.body.user.id, email, token: a.body.token, busy: [] };
}

interface SearchAnswer {
  results: {
    instructorServiceId: string;
    instructor: { id: string };
    durations: number[];
    locationTypes: Slot['locationType'][];
  }[];
}
interface AvailabilityAnswer {
  timezone: string;
  days: { date: string; startTimes: string[] }[];
}

/**
 * Bookable lessons found the way a client finds them: search results name offerings, the public
 * availability of each gives start times. One offering per instructor, and an instructor's picked
 * lessons sit at least an hour plus the lesson apart, so no buffer (at most 30 min) makes them clash.
 */
export async function findSlots(base: string, opts: { fromDay: number; toDay: number }): Promise<Slot[]> {
  const offerings = new Map<string, SearchAnswer['results'][number]>();
  for (let page = 1; page <= 3; page++) {
    const a = await call<SearchAnswer>(base, 'GET', `/api/v1/search?q=lessons&perPage=100&page=${page}`, {
      timeoutMs: 20_000,
    });
    if (a.status !== 200) throw new Error(`search: ${a.status}`);
    for (const r of a.body.results) if (!offerings.has(r.instructor.id)) offerings.set(r.instructor.id, r);
  }
  const today = DateTime.now().setZone('America/New_York');
  const start = today.plus({ days: opts.fromDay }).toISODate()!;
  const end = today.plus({ days: opts.toDay }).toISODate()!;
  const perInstructor = await pool([...offerings.values()], 6, async (o) => {
    const duration = Math.min(...o.durations);
    const a = await call<AvailabilityAnswer>(
      base,
      'GET',
      `/api/v1/public/instructors/${o.instructor.id}/availability?instructorServiceId=${o.instructorServiceId}&duration=${duration}&start=${start}&end=${end}`,
      { timeoutMs: 20_000 },
    );
    if (a.status !== 200) throw new Error(`availability ${o.instructor.id}: ${a.status}`);
    const slots: Slot[] = [];
    let free = 0;
    for (const day of a.body.days) {
      for (const t of day.startTimes) {
        const at = DateTime.fromISO(`${day.date}T${t}`, { zone: a.body.timezone }).toMillis();
        if (at < free) continue;
        free = at + (duration + 60) * 60_000;
        slots.push({
          instructorServiceId: o.instructorServiceId,
          instructorId: o.instructor.id,
          date: day.date,
          startTime: t,
          durationMinutes: duration,
          locationType: o.locationTypes.includes('instructor_place') ? 'instructor_place' : 'online',
          startsAt: at,
        });
      }
    }
    return slots;
  });
  // Interleave instructors, so consecutive bookings rarely queue on one instructor's lock.
  const out: Slot[] = [];
  for (let i = 0; perInstructor.some((s) => i < s.length); i++)
    for (const s of perInstructor) if (s[i]) out.push(s[i]!);
  return out;
}

/** Pairs each slot with a student who is free then; slots no student can take are dropped. */
export function assignStudents(slots: Slot[], students: Person[]): { slot: Slot; student: Person }[] {
  const out: { slot: Slot; student: Person }[] = [];
  let k = 0;
  for (const slot of slots) {
    const from = slot.startsAt;
    const to = from + slot.durationMinutes * 60_000;
    for (let tries = 0; tries < students.length; tries++) {
      const s = students[k++ % students.length]!;
      if (s.busy.some(([a, b]) => a < to && from < b)) continue;
      s.busy.push([from, to]);
      out.push({ slot, student: s });
      break;
    }
  }
  return out;
}
