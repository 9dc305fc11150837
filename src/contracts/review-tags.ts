/** The fixed vocabulary of praise a student may tick; free text carries anything else. */
export const REVIEW_TAGS = [
  'patient',
  'knowledgeable',
  'well_prepared',
  'encouraging',
  'punctual',
  'clear_explanations',
  'fun',
  'flexible',
] as const;
