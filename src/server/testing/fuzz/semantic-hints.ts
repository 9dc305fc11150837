import fc from 'fast-check';
import { TEST_PASSWORD } from '../test-app.js';
import type { FuzzWorld } from './fuzz-world.js';
import { FAR_DATES, FAR_INSTANTS, ODD_TIMES, hostileString } from './hostile-values.js';
import type { Hint, JsonSchema } from './json-schema-arbitrary.js';
import { nearDate, nearInstant } from './json-schema-arbitrary.js';

/**
 * What the schemas leave as bare strings but the API reads as dates, times, ids, slugs or
 * zones: without these most generated requests would stop at the first lookup and never reach
 * the code behind it.
 */

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'UTC',
  'Etc/GMT+12',
  'Mars/Olympus_Mons',
  'america/new_york',
  '+05:00',
  'EST5EDT',
] as const;

const PHRASES = [
  'piano',
  'piano lessons in brooklyn tomorrow',
  'cheap guitar for kids this weekend',
  'online violin under $40',
  'spanish tutor near me evening',
  'sat prep next week',
  'drums 45 minutes',
  'swim',
  'yoga manhattan morning',
  'math tutoring for teens in queens',
  'jazz piano advanced',
  'lessons',
  'piano guitar voice',
  'the',
  '$',
  'under $0',
  'over $99999999999',
  'on 9999-12-31',
  'on 0020-02-29',
  'feb 30',
] as const;

const dateNames = new Set([
  'date',
  'startDate',
  'endDate',
  'fromWeekStart',
  'toWeekStart',
  'weekStart',
  'from',
  'to',
]);
const timeNames = new Set(['start', 'end', 'newStart', 'newEnd']);

const quarterTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const someOf = <T>(values: readonly T[], fallback: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  values.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fallback })
    : fallback;

function mondays(now: Date): fc.Arbitrary<string> {
  const day = (now.getUTCDay() + 6) % 7;
  const monday = now.getTime() - day * 86_400_000;
  return fc
    .integer({ min: -4, max: 30 })
    .map((w) => new Date(monday + w * 7 * 86_400_000).toISOString().slice(0, 10));
}

export function semanticHint(world: FuzzWorld): Hint {
  const { ids, now } = world;
  const dates = fc.oneof(someOf(ids.availableDates, nearDate(now)), mondays(now), nearDate(now));
  const farDates = fc.constantFrom(...FAR_DATES);
  const uuidOr = (values: string[]) => someOf(values, fc.uuid());
  return ({ path, schema, siblings }) => {
    const name = path[path.length - 1] ?? '';
    const isString = typeOf(schema) === 'string' && !schema.enum && !schema.anyOf;
    if (!isString) {
      if (name === 'durationMinutes' || name === 'duration') {
        return typeOf(schema) === 'integer' ? { valid: fc.constantFrom(30, 45, 60, 90) } : undefined;
      }
      return undefined;
    }
    // `start`/`end` are times inside a range or beside a `date`, dates otherwise.
    if (timeNames.has(name) && (path.includes('ranges') || siblings.includes('date'))) {
      return {
        valid: fc.oneof(quarterTime, fc.constantFrom('09:00', '12:00', '17:00', '24:00')),
        edge: fc.constantFrom(...ODD_TIMES),
      };
    }
    if (name === 'startTime') return { valid: quarterTime, edge: fc.constantFrom(...ODD_TIMES) };
    if (name === 'startsAt') return { valid: nearInstant(now), edge: fc.constantFrom(...FAR_INSTANTS) };
    if (dateNames.has(name) || timeNames.has(name)) return { valid: dates, edge: farDates };
    switch (name) {
      case 'email':
        return { valid: someOf(world.emails, fc.emailAddress()) };
      case 'password':
      case 'currentPassword':
        return { valid: fc.constantFrom(TEST_PASSWORD, 'Wrong-pass-9', 'Fuzz-pass-2') };
      case 'newPassword':
        return { valid: fc.constantFrom('Fuzz-pass-2', 'correct horse battery') };
      case 'timezone':
        return { valid: fc.constantFrom(...ZONES) };
      case 'instructorServiceId':
        return { valid: uuidOr(ids.offerings) };
      case 'searchEventId':
        return { valid: uuidOr(ids.searchEvents) };
      case 'serviceId':
        return { valid: uuidOr(ids.services) };
      case 'serviceSlug':
        return { valid: someOf(ids.serviceSlugs, fc.constantFrom('no-such-service')) };
      case 'service':
        return { valid: fc.oneof(someOf(ids.serviceSlugs, fc.uuid()), uuidOr(ids.services)) };
      case 'category':
        return { valid: fc.oneof(someOf(ids.categorySlugs, fc.uuid()), uuidOr(ids.categories)) };
      case 'borough':
        return { valid: someOf(ids.boroughs, fc.constant('atlantis')) };
      case 'areas':
        return { valid: someOf(ids.boroughs, fc.constantFrom('williamsburg', 'harlem', 'nowhere')) };
      case 'q':
      case 'query':
        return { valid: fc.constantFrom(...PHRASES) };
      case 'token':
        return { valid: someOf(ids.resetTokens, fc.string({ minLength: 10, maxLength: 80 })) };
      case 'bio':
      case 'note':
      case 'reason':
      case 'description':
        // Multi-line text is legitimate here; tab and newline must pass.
        return {
          valid: fc.constantFrom(
            'Hello!',
            'Two lines\nof text',
            'Tabbed\tcolumns',
            'Caf\u00e9 \ud83c\udfb9 \u05e9\u05dc\u05d5\u05dd',
          ),
        };
    }
    return undefined;
  };
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/**
 * Path parameter values: ids of real objects first, then unknown uuids, then (unless `wellFormed`)
 * junk, including lengths past the router's parameter limit that shrink towards it.
 */
export function pathParamArbitrary(
  world: FuzzWorld,
  path: string,
  name: string,
  wellFormed = false,
): fc.Arbitrary<string> {
  const { ids } = world;
  const allIds = [...new Set([...ids.users, ...ids.offerings, ...ids.bookings, ...ids.history])];
  let real: string[];
  if (name === 'name') real = ids.permissions;
  else if (name === 'token') real = ids.resetTokens;
  else if (name === 'date') real = [...ids.blackoutDates, ...ids.availableDates.slice(0, 7)];
  else if (name === 'slugOrId') real = [...ids.serviceSlugs.slice(0, 10), ...ids.services.slice(0, 10)];
  else if (path.includes('/bookings/')) real = ids.bookings;
  else if (path.includes('/me/services/')) real = ids.offerings;
  else if (path.includes('/search-history/')) real = ids.history;
  else if (path.includes('/admin/users/')) real = ids.users;
  else if (path.includes('/instructors/')) real = [...ids.instructors, world.student.id];
  else real = allIds;
  const junk = fc.oneof(
    fc.constantFrom(
      'me',
      '0',
      '-1',
      '2147483648',
      'null',
      '%',
      '..',
      ' ',
      'ABCDEF',
      ...FAR_DATES.slice(0, 6),
    ),
    hostileString(300).filter((s) => s.length > 0),
    fc.integer({ min: 65, max: 400 }).map((n) => 'x'.repeat(n)),
    // Someone else's kind of id: a booking id where a user id belongs.
    fc.constantFrom(...allIds),
  );
  const known = real.length ? fc.constantFrom(...real) : fc.uuid();
  if (wellFormed) return fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: fc.uuid() });
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: junk },
  );
}
