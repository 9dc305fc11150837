import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Signing in or out changes what every query returns, so all cached data is dropped. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<SignedIn>('/auth/login', {
        method: 'POST',
        body: { ...body, guestSessionId: guestSessionId() },
      }),
    onSuccess: async ({ user }) => {
      qc.clear();
      qc.setQueryData(meKey, user);
    },
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
    onSuccess: async ({ user }) => {
      qc.clear();
      qc.setQueryData(meKey, user);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}
