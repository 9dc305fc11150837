import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarDays, Clock, MapPin } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Booking, InstructorProfile, LocationType, Offering } from '../../api/contracts';
import { lessonPriceCents, LOCATION_LABEL } from '../../api/contracts';
import { Button } from '../../components/button';
import { SelectField, TextArea, TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { areasLabel, formatMoney } from '../../lib/format';
import { formatDateTime, formatDuration, instantOf, zoneLabel } from '../../lib/time';
import { BookingRefused } from './booking-refused';
import { CancellationPolicy } from './cancellation-policy';
import { clearBookingDraft, useBookingDraft } from './booking-draft';
import { GuestSignIn } from './guest-sign-in';

export function ReviewStep({
  instructor,
  offering,
  choice,
  zone,
  changeUrl,
  guest,
  refusal,
}: {
  instructor: InstructorProfile;
  offering: Offering;
  choice: { date: string; time: string; duration: number };
  zone: string;
  changeUrl: string;
  /** A guest is asked to log in or sign up when confirming, not before. */
  guest: boolean;
  /** Why this person cannot book, shown instead of the button; null when they can. */
  refusal: string | null;
}) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [draft, setDraft] = useBookingDraft(offering);
  const { locationType, address, note } = draft;
  const setLocationType = (v: LocationType) => setDraft({ ...draft, locationType: v });
  const setAddress = (v: string) => setDraft({ ...draft, address: v });
  const setNote = (v: string) => setDraft({ ...draft, note: v });
  // One key per visit to this step: a double click or a retry cannot book twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const startsAt = instantOf(choice.date, choice.time, instructor.timezone);
  const price = lessonPriceCents(offering.hourlyRateCents, choice.duration);

  const book = useMutation({
    mutationFn: () =>
      api<Booking>('/bookings', {
        method: 'POST',
        headers: { 'idempotency-key': idempotencyKey },
        body: {
          instructorServiceId: offering.instructorServiceId,
          date: choice.date,
          startTime: choice.time,
          durationMinutes: choice.duration,
          locationType,
          ...(locationType === 'student_place' ? { studentAddress: address } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    onSuccess: async (b) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['bookings'] }),
        qc.invalidateQueries({ queryKey: ['availability'] }),
        qc.invalidateQueries({ queryKey: ['search'] }),
      ]);
      clearBookingDraft(offering);
      void navigate(`/lessons/${b.id}/confirmed`, { replace: true });
    },
  });
  const taken =
    book.error instanceof ApiError && (book.error.status === 409 || book.error.code.includes('SLOT'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (guest) setDraft({ ...draft, askedSignIn: true });
    else if (!refusal) book.mutate();
  };
  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-6">
        <section aria-label="Your lesson" className="space-y-3 rounded-2xl border border-slate-200 p-5">
          <h2 className="text-lg font-semibold">
            {offering.service.name} with {instructor.name}
          </h2>
          <p className="flex items-center gap-2 text-sm">
            <CalendarDays className="size-4 text-indigo-600" aria-hidden />
            <span data-testid="review-time">{formatDateTime(startsAt, zone)}</span>
          </p>
          <p className="flex items-center gap-2 text-sm">
            <Clock className="size-4 text-indigo-600" aria-hidden /> {formatDuration(choice.duration)}
          </p>
          <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
          <Link to={changeUrl} className="text-sm text-indigo-700 hover:underline">
            Change the time
          </Link>
        </section>

        <section aria-label="Where" className="space-y-3">
          <SelectField
            label="Where"
            value={locationType}
            onChange={(e) => setLocationType(e.target.value as LocationType)}
          >
            {offering.locationTypes.map((l) => (
              <option key={l} value={l}>
                {LOCATION_LABEL[l]}
              </option>
            ))}
          </SelectField>
          {locationType === 'student_place' && (
            <TextField
              label="Your address"
              required
              minLength={5}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              hint="Shared only with your instructor."
            />
          )}
          {locationType === 'instructor_place' && (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <MapPin className="size-4" aria-hidden /> At {instructor.name}'s place (
              {areasLabel(instructor.areas)}).
            </p>
          )}
          <TextArea
            label="A note for your instructor (optional)"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </section>

        <section aria-label="Price" className="space-y-2 rounded-2xl bg-slate-50 p-5">
          <h2 className="font-semibold">Price</h2>
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between">
              <dt>
                {formatMoney(offering.hourlyRateCents)}/hour × {formatDuration(choice.duration)}
              </dt>
              <dd>{formatMoney(price)}</dd>
            </div>
            <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
              <dt>Total</dt>
              <dd data-testid="review-total">{formatMoney(price)}</dd>
            </div>
          </dl>
          <CancellationPolicy />
        </section>

        <InlineError error={book.error} />
        {taken && (
          <Link to={changeUrl} className="block text-sm text-indigo-700 hover:underline">
            Choose another time
          </Link>
        )}
        {draft.askedSignIn && !guest && (
          <p role="status" className="text-sm text-emerald-800">
            You are logged in. Check the details and confirm to book.
          </p>
        )}
        {refusal ? (
          <BookingRefused reason={refusal} />
        ) : (
          !(guest && draft.askedSignIn) && (
            <Button type="submit" className="w-full sm:w-auto" disabled={book.isPending}>
              {book.isPending ? 'Booking…' : `Confirm and book for ${formatMoney(price)}`}
            </Button>
          )
        )}
      </form>
      {guest && draft.askedSignIn && <GuestSignIn />}
    </div>
  );
}
