import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, guestSessionId } from '../../api/client';
import type { Me } from '../../api/types';

export const meKey = ['me'] as const;

/** The signed-in user, or null for a guest. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => (await api<{ user: Me | null }>('/auth/session')).user,
    staleTime: 60_000,
  });
}

export const isInstructor = (me: Me | null | undefined) => !!me?.roles.includes('instructor');

/** Signing in or out changes what every query returns, so all cached data is dropped. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: Me }>('/auth/login', {
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
      api<{ user: Me }>('/auth/signup', {
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
