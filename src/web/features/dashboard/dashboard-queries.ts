import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Booking,
  BookingPage,
  BookingSchedule,
  BookingStats,
  InstructorStatusChange,
  LanguageCode,
  NextAvailable,
  Offering,
  OwnInstructorProfile,
  ProfilePhoto,
} from '../../api/contracts';

export const useMyProfile = (enabled = true) =>
  useQuery({
    queryKey: ['instructor-me'],
    queryFn: () => api<OwnInstructorProfile>('/instructors/me'),
    enabled,
  });

export const useStats = () =>
  useQuery({
    queryKey: ['bookings', 'stats', 'instructor'],
    queryFn: () => api<BookingStats>('/bookings/stats'),
  });

export const useTeachingLessons = (scope: 'upcoming' | 'history', page: number) =>
  useQuery({
    queryKey: ['bookings', 'instructor', scope, page],
    queryFn: () => api<BookingPage>('/bookings', { query: { as: 'instructor', scope, page, perPage: 10 } }),
  });

/** Profile and offering edits change the public profile, the catalog counts and search. */
function useRefreshProfile() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [['instructor-me'], ['instructor'], ['catalog'], ['search'], ['availability']].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
}

export function useUpdateProfile() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api('/instructors/me', { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

type UpdateProfileBody = {
  bio?: string;
  yearsExperience?: number;
  areas?: string[];
  minAdvanceHours?: number;
  bufferMinutes?: number;
  maxDaysAhead?: number;
  languages?: LanguageCode[];
};

/** Pause (suspend), deactivate or reactivate my own instructor account. */
export function useOwnStatus() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: (action: 'suspend' | 'deactivate' | 'reactivate') =>
      api<InstructorStatusChange>('/instructors/me/status', { method: 'POST', body: { action } }),
    onSuccess: refresh,
  });
}

/** Upload (the file's raw bytes) or remove my profile photo. */
export function usePhotoEdits() {
  const refresh = useRefreshProfile();
  const qc = useQueryClient();
  // Lessons and conversations show the photo too.
  const after = () =>
    Promise.all([
      refresh(),
      qc.invalidateQueries({ queryKey: ['bookings'] }),
      qc.invalidateQueries({ queryKey: ['conversations'] }),
    ]);
  return {
    upload: useMutation({
      mutationFn: (file: File) => api<ProfilePhoto>('/instructors/me/photo', { method: 'PUT', body: file }),
      onSuccess: after,
    }),
    remove: useMutation({
      mutationFn: () => api<ProfilePhoto>('/instructors/me/photo', { method: 'DELETE' }),
      onSuccess: after,
    }),
  };
}

export type OfferingFields = Pick<
  Offering,
  'hourlyRateCents' | 'durations' | 'levels' | 'ageGroups' | 'locationTypes'
> & {
  description?: string;
  firstLesson?: string;
};

export function useOfferingEdits() {
  const refresh = useRefreshProfile();
  return {
    add: useMutation({
      mutationFn: (body: OfferingFields & { serviceId: string }) =>
        api('/instructors/me/services', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<OfferingFields> & { id: string; active?: boolean }) =>
        api(`/instructors/me/services/${id}`, { method: 'PATCH', body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<unknown>(`/instructors/me/services/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export function useLessonAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      reason,
    }: {
      id: string;
      action: 'complete' | 'no-show' | 'cancel';
      reason?: string;
    }) =>
      api<Booking>(`/bookings/${id}/${action}`, {
        method: 'POST',
        body: action === 'cancel' ? { reason } : undefined,
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['bookings'] }),
        qc.invalidateQueries({ queryKey: ['my-week'] }),
      ]),
  });
}

/** The instructor's lessons over `days` days from `from` (their zone), for the schedule page. */
export const useSchedule = (from: string, days: number) =>
  useQuery({
    queryKey: ['bookings', 'schedule', from, days],
    queryFn: () => api<BookingSchedule>('/bookings/schedule', { query: { from, days } }),
    placeholderData: (previous) => previous,
  });

/** Whether any time with me is bookable now (the first open start, or null). */
export const useMyNextAvailable = (instructorId: string | undefined) =>
  useQuery({
    queryKey: ['availability', instructorId, 'next'],
    queryFn: () => api<NextAvailable>(`/public/instructors/${instructorId}/next-available`),
    enabled: !!instructorId,
  });
