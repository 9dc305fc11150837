import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { InstructorProfile, PublicAvailabilityFull } from '../../api/contracts';

export const useInstructor = (id: string) =>
  useQuery({ queryKey: ['instructor', id], queryFn: () => api<InstructorProfile>(`/instructors/${id}`) });

/** Bookable start times per instructor-local date, for one lesson length. */
export const usePublicAvailability = (
  instructorId: string,
  opts: { start: string; end: string; duration: number; offeringId?: string; enabled?: boolean },
) =>
  useQuery({
    queryKey: ['availability', instructorId, opts.start, opts.end, opts.duration, opts.offeringId ?? ''],
    queryFn: () =>
      api<PublicAvailabilityFull>(`/public/instructors/${instructorId}/availability`, {
        query: {
          start: opts.start,
          end: opts.end,
          duration: opts.duration,
          instructorServiceId: opts.offeringId,
          detail: 'full',
        },
      }),
    enabled: opts.enabled ?? true,
    placeholderData: keepPreviousData,
  });

export { slotsOf, type Slot } from './slots';
