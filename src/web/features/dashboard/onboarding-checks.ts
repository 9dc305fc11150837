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
