import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SavedInstructorIds, SavedInstructorList } from '../../api/contracts';
import { useMe } from '../auth/use-me';

export const savedIdsKey = ['saved-instructors', 'ids'] as const;
export const savedListKey = ['saved-instructors', 'list'] as const;

/**
 * The ids the signed-in person saved, for the hearts on cards and profiles. Asked for on its own
 * (never mixed into the shared search answer), and only when someone is signed in.
 */
export function useSavedIds() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: savedIdsKey,
    queryFn: () => api<SavedInstructorIds>('/me/saved-instructor-ids'),
    enabled: !!me,
    select: (d) => new Set(d.ids),
  });
}

export function useSavedInstructors() {
  return useQuery({
    queryKey: savedListKey,
    queryFn: () => api<SavedInstructorList>('/me/saved-instructors'),
  });
}

/** Save or unsave at once on screen; put back as it was if the server refuses. */
export function useToggleSaved() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, save }: { id: string; save: boolean }) =>
      api(`/me/saved-instructors/${id}`, { method: save ? 'PUT' : 'DELETE' }),
    onMutate: async ({ id, save }) => {
      await qc.cancelQueries({ queryKey: savedIdsKey });
      const before = qc.getQueryData<SavedInstructorIds>(savedIdsKey);
      const ids = (before?.ids ?? []).filter((x) => x !== id);
      qc.setQueryData<SavedInstructorIds>(savedIdsKey, { ids: save ? [id, ...ids] : ids });
      return { before };
    },
    onError: (_e, _v, ctx) => qc.setQueryData(savedIdsKey, ctx?.before ?? { ids: [] }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['saved-instructors'] }),
  });
}
