import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AvailabilityWeek, Blackout, BlackoutPage, PatternApplied } from '../../api/contracts';
import type { Range } from './week-cells';

const base = '/instructors/me/availability';

export const useWeek = (start: string) =>
  useQuery({
    queryKey: ['my-week', start],
    queryFn: () => api<AvailabilityWeek>(`${base}/week`, { query: { start } }),
    staleTime: 0,
  });

/** Edits change the instructor's public times too, so public availability and searches refresh. */
function useAfterEdit() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['my-week'] }),
      qc.invalidateQueries({ queryKey: ['availability'] }),
      qc.invalidateQueries({ queryKey: ['search'] }),
    ]);
}

export function useSaveWeek() {
  const after = useAfterEdit();
  return useMutation({
    mutationFn: (body: { start: string; days: { date: string; ranges: Range[] }[] }) =>
      api<AvailabilityWeek>(`${base}/week`, { method: 'PUT', body }),
    onSuccess: after,
  });
}

export function useCopyWeek() {
  const after = useAfterEdit();
  return useMutation({
    mutationFn: (body: { fromWeekStart: string; toWeekStart: string }) =>
      api(`${base}/copy-week`, { method: 'POST', body }),
    onSuccess: after,
  });
}

export function useApplyPattern() {
  const after = useAfterEdit();
  return useMutation({
    mutationFn: (body: { fromWeekStart: string; startDate: string; endDate: string }) =>
      api<PatternApplied>(`${base}/apply-pattern`, { method: 'POST', body }),
    onSuccess: after,
  });
}

export const useBlackouts = () =>
  useQuery({
    queryKey: ['my-blackouts'],
    queryFn: () => api<BlackoutPage>('/instructors/me/blackouts', { query: { perPage: 100 } }),
  });

export function useBlackoutEdits() {
  const qc = useQueryClient();
  const after = useAfterEdit();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['my-blackouts'] }), after()]);
  return {
    add: useMutation({
      mutationFn: (body: Blackout) => api('/instructors/me/blackouts', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (date: string) => api(`/instructors/me/blackouts/${date}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
