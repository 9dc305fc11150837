/** The policy the server applies (bookings/pricing.ts DEFAULT_POLICY), in words. */
export function CancellationPolicy() {
  return (
    <div className="space-y-1 text-xs text-slate-600">
      <p className="font-semibold text-slate-700">Cancellation policy</p>
      <ul className="list-disc space-y-0.5 pl-4">
        <li>Free until 24 hours before the lesson.</li>
        <li>50 % of the price between 24 and 12 hours before.</li>
        <li>The full price in the last 12 hours.</li>
        <li>Move the lesson for free until 12 hours before it starts.</li>
      </ul>
    </div>
  );
}
