/** The booking page's address carries the whole choice, so it survives a login round trip. */
export function bookingUrl(
  instructorId: string,
  offeringId: string,
  choice: { date?: string; time?: string; duration?: number; step?: 'select' | 'review' } = {},
): string {
  const params = new URLSearchParams();
  if (choice.date) params.set('date', choice.date);
  if (choice.time) params.set('time', choice.time);
  if (choice.duration) params.set('duration', String(choice.duration));
  if (choice.step === 'review') params.set('step', 'review');
  const qs = params.toString();
  return `/book/${instructorId}/${offeringId}${qs ? `?${qs}` : ''}`;
}
