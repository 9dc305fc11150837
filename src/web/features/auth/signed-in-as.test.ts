import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/contracts';
import { meKey, signedInAs } from './use-me';

const user = { id: 'u1', email: 'student5@instainstru.local' } as unknown as Me;

/** A query a mounted component watches (as useQuery does), without rendering. */
function watched<T>(qc: QueryClient, queryKey: readonly unknown[], data: T, fetched: () => T) {
  qc.setQueryData(queryKey, data);
  const observer = new QueryObserver(qc, { queryKey, queryFn: fetched, staleTime: Infinity });
  const seen: unknown[] = [];
  const stop = observer.subscribe((r) => seen.push(r.data));
  return { observer, seen, stop };
}

describe('signing in while a page is open', () => {
  it('tells the mounted pages who is looking now, without a reload', () => {
    const qc = new QueryClient();
    const me = watched<Me | null>(qc, meKey, null, () => null);
    signedInAs(qc, user);
    // The booking review watches useMe: it must see the user, not keep the guest's null.
    expect(me.observer.getCurrentResult().data).toEqual(user);
    expect(me.seen.at(-1)).toEqual(user);
    me.stop();
  });

  it('keeps what is on screen while fetching it again, and drops what no screen shows', async () => {
    const qc = new QueryClient();
    let fetches = 0;
    const shown = watched(qc, ['instructor', 'i1'], 'as a guest saw it', () => {
      fetches += 1;
      return 'as the user sees it';
    });
    qc.setQueryData(['search', 'piano'], 'nobody shows this');
    signedInAs(qc, user);
    // Still there at once (the review does not fall back to a loading state and lose its form).
    expect(shown.observer.getCurrentResult().data).toBe('as a guest saw it');
    expect(qc.getQueryData(['search', 'piano'])).toBeUndefined();
    await vi.waitFor(() => expect(shown.observer.getCurrentResult().data).toBe('as the user sees it'));
    expect(fetches).toBe(1);
    shown.stop();
  });

  it("drops another account's answers at once when someone else signs in over them", async () => {
    const qc = new QueryClient();
    const me = watched<Me | null>(qc, meKey, { ...user, id: 'u0' } as Me, () => null);
    const shown = watched(qc, ['messages', 'unread'], 'u0 has 3 unread', () => 'u1 has 0 unread');
    signedInAs(qc, user);
    expect(shown.observer.getCurrentResult().data).not.toBe('u0 has 3 unread');
    await vi.waitFor(() => expect(shown.observer.getCurrentResult().data).toBe('u1 has 0 unread'));
    expect(me.observer.getCurrentResult().data).toEqual(user);
    shown.stop();
    me.stop();
  });
});
