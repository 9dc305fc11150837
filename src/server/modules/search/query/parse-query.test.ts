import { describe, expect, it } from 'vitest';
import type { ParseContext } from './parse-query.js';
import { parseQuery } from './parse-query.js';

const areas: ParseContext['areas'] = {
  boroughs: [
    { slug: 'brooklyn', name: 'Brooklyn', aliases: ['bk'] },
    { slug: 'bronx', name: 'Bronx', aliases: ['the bronx'] },
    { slug: 'queens', name: 'Queens', aliases: [] },
    { slug: 'manhattan', name: 'Manhattan', aliases: [] },
    { slug: 'staten-island', name: 'Staten Island', aliases: ['si'] },
  ],
  neighborhoods: [
    { slug: 'park-slope', name: 'Park Slope', boroughSlug: 'brooklyn', aliases: [] },
    { slug: 'upper-west-side', name: 'Upper West Side', boroughSlug: 'manhattan', aliases: ['uws'] },
    { slug: 'harlem', name: 'Harlem', boroughSlug: 'manhattan', aliases: [] },
    { slug: 'east-harlem', name: 'East Harlem', boroughSlug: 'manhattan', aliases: [] },
    { slug: 'st-george', name: 'St. George', boroughSlug: 'staten-island', aliases: [] },
  ],
};
// Tuesday 24 November 2026, 10:00 in New York.
const TUESDAY = new Date('2026-11-24T15:00:00Z');
const ctx = (o: Partial<ParseContext> = {}): ParseContext => ({
  now: TUESDAY,
  timezone: 'America/New_York',
  areas,
  protectedPhrases: ['sat prep', 'kids swimming', 'toddler music'],
  ...o,
});
const p = (q: string, o: Partial<ParseContext> = {}) => parseQuery(q, ctx(o));

describe('the headline query', () => {
  it('piano under $80 tomorrow evening in Brooklyn', () => {
    expect(p('piano under $80 tomorrow evening in Brooklyn')).toMatchObject({
      text: 'piano',
      priceMaxCents: 8000,
      priceMinCents: null,
      date: '2026-11-25',
      dateTo: '2026-11-25',
      timeOfDay: 'evening',
      timeFromMinutes: 1020,
      timeToMinutes: 1320,
      borough: 'brooklyn',
    });
  });
});

describe('price', () => {
  it.each([
    ['under $80', null, 8000],
    ['less than $80', null, 8000],
    ['below 80 dollars', null, 8000],
    ['max $80/hr', null, 8000],
    ['under 50', null, 5000],
    ['over $50', 5000, null],
    ['at least $50', 5000, null],
    ['between $40 and $60', 4000, 6000],
    ['$40-$60', 4000, 6000],
    ['$40 to $60', 4000, 6000],
    ['40-60 dollars', 4000, 6000],
    ['around $50', 4000, 6000],
    ['$80', null, 8000],
    ['$80.50 an hour', null, 8050],
  ])('%s', (q, min, max) => {
    const r = p(`guitar ${q}`);
    expect([r.priceMinCents, r.priceMaxCents, r.text]).toEqual([min, max, 'guitar']);
  });

  it('"cheap" is a flag, not a number', () => {
    expect(p('cheap guitar lessons')).toMatchObject({ cheap: true, text: 'guitar', priceMaxCents: null });
  });

  it('never reads ages, durations, clock times or "1 on 1" as prices', () => {
    expect(p('swimming ages 5-12')).toMatchObject({
      priceMinCents: null,
      priceMaxCents: null,
      ageGroup: 'kids',
      text: 'swimming',
    });
    expect(p('chess for 8 year olds')).toMatchObject({
      priceMaxCents: null,
      ageGroup: 'kids',
      text: 'chess',
    });
    expect(p('2 hour lessons')).toMatchObject({ durationMinutes: 120, priceMaxCents: null, text: '' });
    expect(p('piano at 3')).toMatchObject({ priceMaxCents: null, timeFromMinutes: 900, timeToMinutes: 915 });
    expect(p('1 on 1 math').priceMaxCents).toBeNull();
    expect(p('adults over 50 yoga')).toMatchObject({ priceMinCents: null, ageGroup: 'adults' });
  });
});

describe('dates in the searcher’s zone', () => {
  it.each([
    ['today', '2026-11-24', '2026-11-24'],
    ['tomorrow', '2026-11-25', '2026-11-25'],
    ['friday', '2026-11-27', '2026-11-27'],
    ['this friday', '2026-11-27', '2026-11-27'],
    ['next friday', '2026-12-04', '2026-12-04'],
    ['tuesday', '2026-11-24', '2026-11-24'],
    ['this week', '2026-11-24', '2026-11-29'],
    ['next week', '2026-11-30', '2026-12-06'],
    ['this weekend', '2026-11-28', '2026-11-29'],
    ['next weekend', '2026-12-05', '2026-12-06'],
    ['dec 3', '2026-12-03', '2026-12-03'],
    ['december 3rd', '2026-12-03', '2026-12-03'],
    ['3 dec', '2026-12-03', '2026-12-03'],
    ['12/3', '2026-12-03', '2026-12-03'],
    ['12/03/2026', '2026-12-03', '2026-12-03'],
    ['2026-12-03', '2026-12-03', '2026-12-03'],
    ['nov 2', '2027-11-02', '2027-11-02'],
  ])('%s', (q, date, dateTo) => {
    expect(p(`yoga ${q}`)).toMatchObject({ date, dateTo, text: 'yoga' });
  });

  it('"tomorrow" depends on where the searcher is', () => {
    const late = new Date('2026-11-25T03:30:00Z'); // still the 24th in New York, the 25th in Berlin
    expect(p('tomorrow', { now: late }).date).toBe('2026-11-25');
    expect(p('tomorrow', { now: late, timezone: 'Europe/Berlin' }).date).toBe('2026-11-26');
  });

  it('"this weekend" on a Saturday or a Sunday runs from today to Sunday', () => {
    expect(p('this weekend', { now: new Date('2026-11-28T15:00:00Z') })).toMatchObject({
      date: '2026-11-28',
      dateTo: '2026-11-29',
    });
    expect(p('this weekend', { now: new Date('2026-11-29T15:00:00Z') })).toMatchObject({
      date: '2026-11-29',
      dateTo: '2026-11-29',
    });
  });

  it('SAT is a test, not Saturday', () => {
    expect(p('sat prep this weekend')).toMatchObject({
      text: 'sat prep',
      date: '2026-11-28',
      dateTo: '2026-11-29',
    });
    expect(p('SAT prep').date).toBeNull();
  });
});

describe('time of day', () => {
  it.each([
    ['morning', 360, 720, 'morning'],
    ['afternoon', 720, 1020, 'afternoon'],
    ['evening', 1020, 1320, 'evening'],
    ['after 5pm', 1020, 1440, null],
    ['after 5', 1020, 1440, null],
    ['before 10am', 0, 600, null],
    ['at 3', 900, 915, null],
    ['at 9', 540, 555, null],
    ['at 7:30pm', 1170, 1185, null],
    ['3pm', 900, 915, null],
  ])('%s', (q, from, to, tod) => {
    expect(p(`tennis ${q}`)).toMatchObject({
      timeFromMinutes: from,
      timeToMinutes: to,
      timeOfDay: tod,
      text: 'tennis',
    });
  });

  it('tonight is today in the evening', () => {
    expect(p('chess tonight')).toMatchObject({ date: '2026-11-24', timeOfDay: 'evening', text: 'chess' });
  });
});

describe('place, format, level, age and duration', () => {
  it('finds boroughs and neighbourhoods, longest name first', () => {
    expect(p('voice lessons in the bronx')).toMatchObject({ borough: 'bronx', text: 'voice' });
    expect(p('piano in park slope')).toMatchObject({
      borough: 'brooklyn',
      neighborhood: 'park-slope',
      text: 'piano',
    });
    expect(p('guitar east harlem')).toMatchObject({ neighborhood: 'east-harlem', text: 'guitar' });
    expect(p('math uws')).toMatchObject({ neighborhood: 'upper-west-side', borough: 'manhattan' });
    expect(p('art near st. george')).toMatchObject({
      neighborhood: 'st-george',
      borough: 'staten-island',
      text: 'art',
    });
  });

  it('"near me" uses the searcher’s borough when known', () => {
    expect(p('yoga near me', { homeBorough: 'queens' })).toMatchObject({
      borough: 'queens',
      nearMe: true,
      text: 'yoga',
    });
    expect(p('yoga classes near me')).toMatchObject({ borough: null, nearMe: true, text: 'yoga' });
  });

  it('reads format, level, age group and duration', () => {
    expect(p('online spanish for kids')).toMatchObject({
      text: 'spanish',
      format: 'online',
      ageGroup: 'kids',
    });
    expect(p('in-person french')).toMatchObject({ format: 'in_person', text: 'french' });
    expect(p('beginner piano')).toMatchObject({ level: 'beginner', text: 'piano' });
    expect(p('chess for adults')).toMatchObject({ ageGroup: 'adults', text: 'chess' });
    expect(p('math tutor for my son')).toMatchObject({ ageGroup: 'kids', text: 'math tutor' });
    expect(p('sat prep for teens')).toMatchObject({ ageGroup: 'teens', text: 'sat prep' });
    expect(p('30 min guitar').durationMinutes).toBe(30);
    expect(p('90-minute calculus').durationMinutes).toBe(90);
    expect(p('1.5 hours piano').durationMinutes).toBe(90);
    expect(p('an hour of yoga').durationMinutes).toBe(60);
  });

  it('keeps catalog phrases that contain constraint words', () => {
    expect(p('kids swimming this weekend')).toMatchObject({ text: 'kids swimming', date: '2026-11-28' });
    expect(p('toddler music').text).toBe('toddler music');
  });
});

describe('the subject text', () => {
  it.each([
    ['spanish lessons', 'spanish'],
    ['piano or guitar', 'piano or guitar'],
    ['spanish and french teachers', 'spanish and french'],
    ['drum', 'drum'],
    ['lessons under $30', ''],
    ['tomorrow', ''],
    ['español', 'español'],
    ['zqxv flurb', 'zqxv flurb'],
    ['', ''],
    ['$$$ !!!', ''],
  ])('%j → %j', (q, text) => {
    expect(p(q).text).toBe(text);
  });
});

describe('time ranges without a dollar sign are times, not prices', () => {
  it.each([
    ['guitar from 3 to 5 pm', 900, 1020],
    ['math between 9 and 11am', 540, 660],
    ['yoga from 10 to 2pm', 600, 840],
    ['chess from 7 to 9', 1140, 1260],
  ])('%s → %i–%i minutes, no price', (q, from, to) => {
    expect(p(q)).toMatchObject({
      timeFromMinutes: from,
      timeToMinutes: to,
      priceMinCents: null,
      priceMaxCents: null,
    });
  });

  it('a range with a dollar sign or a money word is still a price', () => {
    expect(p('piano between $40 and $60')).toMatchObject({
      priceMinCents: 4000,
      priceMaxCents: 6000,
      timeFromMinutes: null,
    });
    expect(p('piano between 40 and 60 dollars')).toMatchObject({ priceMinCents: 4000, priceMaxCents: 6000 });
  });
});

describe('age and level words inside a kept catalog phrase still count', () => {
  it('"kids swimming" keeps its words for the matcher and sets the kids age group', () => {
    expect(p('kids swimming in brooklyn')).toMatchObject({ text: 'kids swimming', ageGroup: 'kids' });
  });

  it('an explicit age word elsewhere wins over the phrase', () => {
    expect(p('kids swimming for adults').ageGroup).toBe('adults');
  });
});
