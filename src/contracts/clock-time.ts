// Wall-clock times as the API writes them ("HH:MM"). A plain function with no imports, shared by
// the request contracts and the server's time math.

const HHMM_RE = /^(\d{2}):(\d{2})$/;

/** "HH:MM" → minutes after midnight, 0..1440 ("24:00" is the end of the day); null if malformed. */
export function parseHHMM(value: string): number | null {
  const match = HHMM_RE.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/**
 * Screens offer lesson starts on the half hour of the instructor's clock (PRODUCT §4: starts step
 * every 15 minutes, 30 in the UI). Search cards, the profile's week and the booking steps all use
 * this one rule; the API itself still answers every 15-minute start.
 */
export const UI_START_STEP_MINUTES = 30;

/** Whether an instructor-local "HH:MM" start is one the screens offer. */
export function isUiStart(time: string): boolean {
  const m = parseHHMM(time);
  return m !== null && m % UI_START_STEP_MINUTES === 0;
}
