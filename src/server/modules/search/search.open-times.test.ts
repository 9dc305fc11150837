import { describe, expect, it } from 'vitest';
import { searchOk, useSearchTestApp } from './search.test-helpers.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';

const app = useSearchTestApp({ demo: false });
const { clock } = app;

interface Answer {
  total: number;
  results: { instructor: { id: string }; nextAvailableAt: string | null; matchReason: string }[];
}

describe('what a results page counts and says', () => {
  it('counts only offerings with an open time, so the header and the cards agree', async () => {
    const open = await createInstructor(app.t, { services: [{ slug: 'banjo' }] });
    const closed = await createInstructor(app.t, { services: [{ slug: 'banjo' }] });
    await addAvailability(app.t, open.id, [localDate(clock.now(), 2)], ['09:00-12:00']);
    const a = await searchOk<Answer>(app.t, 'banjo');
    expect(a.results.map((r) => r.instructor.id)).toEqual([open.id]);
    expect(a.total).toBe(1);
    expect(a.results.every((r) => r.nextAvailableAt !== null)).toBe(true);
    expect(a.results.map((r) => r.instructor.id)).not.toContain(closed.id);
  });

  it('names a category by its catalog name in the match reason, never by its slug', async () => {
    const i = await createInstructor(app.t, { services: [{ slug: 'boxing' }] });
    await addAvailability(app.t, i.id, [localDate(clock.now(), 2)], ['09:00-12:00']);
    const a = await searchOk<Answer>(app.t, 'fitness classes');
    const card = a.results.find((r) => r.instructor.id === i.id)!;
    expect(card.matchReason).toBe('Boxing in Sports & Fitness');
    expect(JSON.stringify(a.results.map((r) => r.matchReason))).not.toContain('sports-fitness');
  });
});
