import { describe, expect, it } from 'vitest';
import { readDraft, writeDraft } from './booking-draft';

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};
const offering = { instructorServiceId: 'o1', locationTypes: ['online', 'student_place'] as const };

describe('the review step draft kept across a login', () => {
  it('comes back as it was written', () => {
    const store = memory();
    const d = { locationType: 'student_place' as const, address: '1 Main St', note: 'Hi', askedSignIn: true };
    writeDraft(store, offering, d);
    expect(readDraft(store, { ...offering, locationTypes: [...offering.locationTypes] })).toEqual(d);
  });

  it('starts fresh for another offering, and from a malformed or tampered one', () => {
    const store = memory();
    const o = { ...offering, locationTypes: [...offering.locationTypes] };
    const fresh = { locationType: 'online', address: '', note: '', askedSignIn: false };
    expect(readDraft(store, o)).toEqual(fresh);
    store.setItem('ii.bookingDraft.o1', '{not json');
    expect(readDraft(store, o)).toEqual(fresh);
    store.setItem(
      'ii.bookingDraft.o1',
      JSON.stringify({ locationType: 'instructor_place', note: 5, askedSignIn: 'yes' }),
    );
    expect(readDraft(store, o)).toEqual(fresh);
  });
});
