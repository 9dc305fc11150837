import { useMutation, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { api, guestSessionId } from '../../api/client';
import type { Me, SessionResponse, SignedIn } from '../../api/contracts';

export const meKey = ['me'] as const;

/** The signed-in user, or null for a guest. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => (await api<SessionResponse>('/auth/session')).user,
    staleTime: 60_000,
  });
}

/** Whether the user holds the role: for what a role is (teaching or not), not for what they may do. */
export const isInstructor = (me: Me | null | undefined) => !!me?.roles.includes('instructor');

/**
 * Signing in changes what every query returns. The user is set in place, so every mounted useMe
 * re-renders with them; cached data no screen shows is dropped and what is on screen is fetched
 * again for them. Not clear(): it orphans the mounted queries, which keep the guest's answers until
 * something else re-renders them (a guest logging in inline on the booking review stayed a guest).
 */
export function signedInAs(qc: QueryClient, user: Me) {
  const before = qc.getQueryData<Me | null>(meKey);
  const notMe = (q: Query) => q.queryKey[0] !== meKey[0];
  qc.removeQueries({ type: 'inactive' });
  qc.setQueryData(meKey, user);
  // A guest's answers are public and stay up while they refetch; another account's go at once.
  if (before && before.id !== user.id) void qc.resetQueries({ predicate: notMe });
  else void qc.invalidateQueries({ predicate: notMe });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<SignedIn>('/auth/login', {
        method: 'POST',
        body: { ...body, guestSessionId: guestSessionId() },
      }),
    onSuccess: ({ user }) => signedInAs(qc, user),
  });
}

export function useSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; fullName: string; timezone: string }) =>
      api<SignedIn>('/auth/signup', {
        method: 'POST',
        body: { ...body, guestSessionId: guestSessionId() },
      }),
    onSuccess: ({ user }) => signedInAs(qc, user),
  });
}

/** Signing out drops everything the user's account could see. */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    // Nobody is signed in from the moment they ask: the live stream closes now, before the server
    // ends it, so the browser never reconnects it with the session being revoked (a 401).
    onMutate: () => qc.setQueryData(meKey, null),
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}
