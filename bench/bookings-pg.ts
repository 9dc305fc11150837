// Booking creation on PostgreSQL (PRODUCT §10: ≥ 300/s with zero double bookings). A server on a
// fresh database with the demo data; 120 students book distinct free hours of the 120 demo
// instructors as fast as 16 connections allow; then 50 students race for one slot; then the
// database is asked whether any instructor or student has two confirmed lessons at once.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';

const PORT = 3901;
const BASE = `http://127.0.0.1:${PORT}`;
const DB = 'ii_bench_bookings';
const STUDENTS = 120;

export interface BookingFigures {
  attempted: number;
  created: number;
  rps: number;
  p50: number;
  p99: number;
  raceCreated: number;
  raceRequests: number;
  overlaps: number;
  /** Non-201 answers of the throughput run by status and code (none expected). */
  failures: Record<string, number>;
}

interface Slot {
  offeringId: string;
  locationType: string;
  date: string;
  time: string;
  startsAt: number;
  student?: string;
}

const json = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(BASE + path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      REDIS_URL: '',
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MIN: '0',
      SIGNUP_PER_IP_PER_HOUR: '100000',
      BOOKINGS_PER_USER_PER_MIN: '100000',
      LOG_LEVEL: 'warn',
      DATA_DIR: 'var/bench-bookings',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/ready`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('booking bench server did not become ready');
}

/** Whole-hour starts two hours apart (clear of any buffer) for one-hour lessons, per instructor. */
async function freeHours(): Promise<Slot[]> {
  const list = await json<{ items: { id: string }[] }>('/api/v1/instructors?perPage=100');
  const more = await json<{ items: { id: string }[] }>('/api/v1/instructors?perPage=100&page=2');
  const slots: Slot[] = [];
  for (const { id } of [...list.items, ...more.items]) {
    const profile = await json<{
      services: { instructorServiceId: string; durations: number[]; locationTypes: string[] }[];
    }>(`/api/v1/instructors/${id}`);
    const offering = profile.services.find((s) => s.durations.includes(60));
    if (!offering) continue;
    const locationType = ['online', 'instructor_place', 'student_place'].find((l) =>
      offering.locationTypes.includes(l),
    )!;
    const a = await json<{ days: { date: string; startTimes: string[] }[] }>(
      `/api/v1/public/instructors/${id}/availability?duration=60&instructorServiceId=${offering.instructorServiceId}&start=${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}&end=${new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)}`,
    );
    for (const day of a.days) {
      let last = -Infinity;
      for (const time of day.startTimes) {
        const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
        if (minutes % 60 || minutes - last < 120) continue;
        last = minutes;
        // The demo instructors all teach in New York; the instant only orders and groups slots.
        slots.push({
          offeringId: offering.instructorServiceId,
          locationType,
          date: day.date,
          time,
          startsAt: Date.parse(`${day.date}T${time}:00-05:00`),
        });
      }
    }
  }
  return slots;
}

export async function benchBookingsOnPostgres(url: string): Promise<BookingFigures> {
  const target = new URL(url);
  target.pathname = `/${DB}`;
  await withAdmin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB}`);
  });
  const server = await startServer(target.toString());
  try {
    const tokens: string[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const r = await json<{ token: string }>('/api/v1/auth/signup', {
        method: 'POST',
        body: JSON.stringify({
          email: `bench${i}@example.com`,
          password: 'Bench-pass-1',
          fullName: `Bench ${i}`,
        }),
      });
      tokens.push(r.token);
    }
    // Lessons at the same hour go to different students, so no student is double-booked either.
    const slots = (await freeHours()).sort((a, b) => a.startsAt - b.startsAt);
    const atHour = new Map<number, number>();
    for (const s of slots) {
      const n = atHour.get(s.startsAt) ?? 0;
      atHour.set(s.startsAt, n + 1);
      s.student = tokens[n % STUDENTS];
    }
    const race = slots.pop()!;
    const runnable = slots.filter((s) => (atHour.get(s.startsAt) ?? 0) <= STUDENTS).slice(0, 6000);

    let next = 0;
    const body = (s: Slot) =>
      JSON.stringify({
        instructorServiceId: s.offeringId,
        date: s.date,
        startTime: s.time,
        durationMinutes: 60,
        locationType: s.locationType,
        ...(s.locationType === 'student_place' ? { studentAddress: '1 Bench Street, Brooklyn' } : {}),
      });
    let created = 0;
    const failures = new Map<string, number>();
    const result = await autocannon({
      url: BASE,
      connections: 16,
      amount: runnable.length,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/bookings',
          setupRequest: (req) => {
            const s = runnable[next++ % runnable.length]!;
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${s.student}` },
              body: body(s),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) created++;
            else {
              const code = `${status} ${/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? ''}`;
              failures.set(code, (failures.get(code) ?? 0) + 1);
            }
          },
        },
      ],
    });

    const raceResults = await Promise.all(
      tokens.slice(0, 50).map((token) =>
        fetch(`${BASE}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: body(race),
        }).then(async (r) => (r.status === 201 ? 201 : `${r.status} ${await r.text()}`)),
      ),
    );

    const overlaps = await (async () => {
      const c = new pg.Client({ connectionString: target.toString() });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: string }>(`
          SELECT count(*) AS n FROM bookings a JOIN bookings b
            ON a.id < b.id AND a.status = 'confirmed' AND b.status = 'confirmed'
           AND (a.instructor_id = b.instructor_id OR a.student_id = b.student_id)
           AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`);
        return Number(rows[0]!.n);
      } finally {
        await c.end();
      }
    })();

    return {
      attempted: runnable.length,
      created,
      rps: Math.round(result.requests.total / result.duration),
      failures: Object.fromEntries(failures),
      p50: result.latency.p50,
      p99: result.latency.p99,
      raceRequests: raceResults.length,
      raceCreated: raceResults.filter((s) => s === 201).length,
      overlaps,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));
  }
}
