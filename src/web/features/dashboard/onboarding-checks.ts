/** What the first onboarding step still needs, in words for the field it belongs to. */
export interface OnboardingDraft {
  bio: string;
  years: string;
  areas: string[];
}

export type OnboardingMissing = Partial<Record<'bio' | 'years' | 'areas', string>>;

export function missingForOnboarding(d: OnboardingDraft): OnboardingMissing {
  const out: OnboardingMissing = {};
  if (!d.bio.trim()) out.bio = 'Write a few words about you and how you teach.';
  const years = Number(d.years);
  if (d.years.trim() === '' || !Number.isInteger(years) || years < 0 || years > 80)
    out.years = 'Enter your years of teaching as a whole number from 0 to 80.';
  if (!d.areas.length) out.areas = 'Choose at least one borough.';
  return out;
}

/** What an instructor's profile needs before search can list it, each with where to add it. */
export interface SearchableState {
  bio: string;
  activeServices: number;
  /** Whether any bookable time is open in the booking window (the server's next-available). */
  hasOpenHours: boolean;
}

export interface MissingStep {
  key: 'bio' | 'service' | 'hours';
  text: string;
  to: string;
  action: string;
}

export function missingBeforeSearchable(s: SearchableState): MissingStep[] {
  const out: MissingStep[] = [];
  if (!s.bio.trim())
    out.push({
      key: 'bio',
      text: 'A bio: a few words about you and how you teach.',
      to: '/teach/profile',
      action: 'Write your bio',
    });
  if (s.activeServices === 0)
    out.push({
      key: 'service',
      text: 'A service with your hourly rate.',
      to: '/teach/profile',
      action: 'Add a service',
    });
  if (!s.hasOpenHours)
    out.push({
      key: 'hours',
      text: 'Open hours students can book in the coming weeks.',
      to: '/teach/availability',
      action: 'Set your hours',
    });
  return out;
}
