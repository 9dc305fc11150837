import { useEffect, useState } from 'react';
import type { LocationType, Offering } from '../../api/contracts';

/**
 * What a person filled in on the review step (place, address, note, and whether they were asked to
 * log in), kept in this tab's session storage: logging in reloads the page's data, and the review
 * must come back exactly as it was left.
 */
export interface BookingDraft {
  locationType: LocationType;
  address: string;
  note: string;
  askedSignIn: boolean;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const keyOf = (offering: Pick<Offering, 'instructorServiceId'>) =>
  `ii.bookingDraft.${offering.instructorServiceId}`;

/** The stored draft for this offering, or a fresh one; anything malformed or no longer offered is dropped. */
export function readDraft(
  store: Store,
  offering: Pick<Offering, 'instructorServiceId' | 'locationTypes'>,
): BookingDraft {
  const fresh: BookingDraft = {
    locationType: offering.locationTypes[0]!,
    address: '',
    note: '',
    askedSignIn: false,
  };
  let saved: Partial<Record<keyof BookingDraft, unknown>>;
  try {
    saved = JSON.parse(store.getItem(keyOf(offering)) ?? '{}') ?? {};
  } catch {
    return fresh;
  }
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  return {
    locationType: offering.locationTypes.includes(saved.locationType as LocationType)
      ? (saved.locationType as LocationType)
      : fresh.locationType,
    address: text(saved.address, 500),
    note: text(saved.note, 1000),
    askedSignIn: saved.askedSignIn === true,
  };
}

export const writeDraft = (store: Store, offering: Pick<Offering, 'instructorServiceId'>, d: BookingDraft) =>
  store.setItem(keyOf(offering), JSON.stringify(d));

export const clearBookingDraft = (offering: Pick<Offering, 'instructorServiceId'>) =>
  sessionStorage.removeItem(keyOf(offering));

export function useBookingDraft(offering: Offering) {
  const [draft, setDraft] = useState(() => readDraft(sessionStorage, offering));
  useEffect(() => writeDraft(sessionStorage, offering, draft), [offering, draft]);
  return [draft, setDraft] as const;
}
