import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  BookAgainList,
  Booking,
  BookingDetail,
  BookingPage,
  BookingProposal,
  TimeProposal,
} from '../../api/contracts';

export type Scope = 'upcoming' | 'history';

export const useMyLessons = (scope: Scope, page = 1, perPage = 10) =>
  useQuery({
    queryKey: ['bookings', 'student', scope, page, perPage],
    queryFn: () => api<BookingPage>('/bookings', { query: { as: 'student', scope, page, perPage } }),
  });

export const useLesson = (id: string) =>
  useQuery({ queryKey: ['booking', id], queryFn: () => api<BookingDetail>(`/bookings/${id}`) });

export const useBookAgain = () =>
  useQuery({
    queryKey: ['bookings', 'book-again'],
    queryFn: () => api<BookAgainList>('/bookings/book-again'),
  });

/** Any change to a lesson changes lists, the lesson itself and the instructor's free time. */
function useInvalidateLessons() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['bookings'] }),
      qc.invalidateQueries({ queryKey: ['booking'] }),
      qc.invalidateQueries({ queryKey: ['availability'] }),
    ]);
}

export function useCancelLesson(id: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (reason: string) =>
      api<Booking>(`/bookings/${id}/cancel`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

export function useRescheduleLesson(id: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (body: { date: string; startTime: string; durationMinutes: number }) =>
      api<Booking>(`/bookings/${id}/reschedule`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** The latest new time proposed for a lesson (decision 0036). */
export const useProposal = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['booking', id, 'proposal'],
    queryFn: () => api<BookingProposal>(`/bookings/${id}/proposal`),
    enabled,
  });

/** Propose and withdraw (the instructor), accept and decline (the student). */
export function useProposalActions(id: string) {
  const invalidate = useInvalidateLessons();
  const base = `/bookings/${id}/proposal`;
  return {
    propose: useMutation({
      mutationFn: (body: { date: string; startTime: string }) =>
        api<TimeProposal>(base, { method: 'POST', body }),
      onSuccess: invalidate,
    }),
    withdraw: useMutation({
      mutationFn: () => api<TimeProposal>(`${base}/withdraw`, { method: 'POST' }),
      onSuccess: invalidate,
    }),
    accept: useMutation({
      mutationFn: (proposalId: string) =>
        api<Booking>(`${base}/accept`, { method: 'POST', body: { proposalId } }),
      onSettled: invalidate,
    }),
    decline: useMutation({
      mutationFn: (proposalId: string) =>
        api<TimeProposal>(`${base}/decline`, { method: 'POST', body: { proposalId } }),
      onSuccess: invalidate,
    }),
  };
}
