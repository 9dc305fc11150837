// Plain values of the instructor profile, without zod so the web app can load them.
// The languages an instructor may say they teach in: ISO 639-1 codes from a fixed list (the ones
// most spoken in New York City, plus the common world languages), each with its English name.
// Shared by the server and the web app, so nothing here may import server code.

export const LANGUAGES = {
  ar: 'Arabic',
  bn: 'Bengali',
  de: 'German',
  el: 'Greek',
  en: 'English',
  es: 'Spanish',
  fa: 'Persian',
  fr: 'French',
  he: 'Hebrew',
  hi: 'Hindi',
  ht: 'Haitian Creole',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  pl: 'Polish',
  pt: 'Portuguese',
  ru: 'Russian',
  sq: 'Albanian',
  tl: 'Tagalog',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  vi: 'Vietnamese',
  yi: 'Yiddish',
  zh: 'Chinese',
} as const;

export type LanguageCode = keyof typeof LANGUAGES;

/** The codes, in the list's (alphabetical by code) order. */
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [LanguageCode, ...LanguageCode[]];

/** At most this many languages on one profile. */
export const MAX_LANGUAGES = 8;

export const languageName = (code: LanguageCode): string => LANGUAGES[code];

/** The booking settings' allowed ranges (PRODUCT §3): the API refuses values outside them. */
export const BOOKING_SETTINGS = {
  minAdvanceHours: { min: 0, max: 720 },
  bufferMinutes: { min: 0, max: 60, step: 5 },
  maxDaysAhead: { min: 1, max: 365 },
} as const;
