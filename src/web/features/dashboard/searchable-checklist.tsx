import type { OwnInstructorProfile } from '../../api/contracts';
import { ButtonLink } from '../../components/button';
import { useMyNextAvailable } from './dashboard-queries';
import { missingBeforeSearchable } from './onboarding-checks';

/** What is left before students can find the instructor in search, each step with its page. */
export function SearchableChecklist({ profile }: { profile: OwnInstructorProfile }) {
  const next = useMyNextAvailable(profile.id);
  if (next.isPending) return null;
  const missing = missingBeforeSearchable({
    bio: profile.bio,
    activeServices: profile.services.filter((s) => s.active).length,
    // An error (no service to time a lesson by) counts as no open hours.
    hasOpenHours: !!next.data?.nextAvailableAt,
  });
  if (!missing.length) return null;
  return (
    <section
      aria-labelledby="searchable-heading"
      className="space-y-3 rounded-xl bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="searchable-checklist"
    >
      <h2 id="searchable-heading" className="font-semibold">
        Students cannot find you yet. Still missing:
      </h2>
      <ul className="space-y-2">
        {missing.map((m) => (
          <li key={m.key} className="flex flex-wrap items-center justify-between gap-2">
            <span>{m.text}</span>
            <ButtonLink variant="secondary" to={m.to}>
              {m.action}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
