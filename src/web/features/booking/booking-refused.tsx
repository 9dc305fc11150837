/** Shown where the booking button would be, to someone who may not book. */
export function BookingRefused({ reason }: { reason: string }) {
  return (
    <p
      role="note"
      data-testid="booking-refused"
      className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900"
    >
      {reason}
    </p>
  );
}
