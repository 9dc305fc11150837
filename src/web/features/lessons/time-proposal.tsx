import { useState, type FormEvent } from 'react';
import type { BookingDetail } from '../../api/contracts';
import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { clockOf, formatDateTime, localDateOf, todayIn, zoneLabel } from '../../lib/time';
import { useProposal, useProposalActions } from './lesson-queries';

/** Start times on the half hour, as the booking pages offer them (PRODUCT §4). */
const STARTS = Array.from({ length: 48 }, (_, i) => {
  const minutes = i * 30;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { hhmm, label: clockOf(minutes) };
});

/**
 * "Propose a new time": the instructor offers another start (in their zone), the student accepts
 * (the lesson moves) or declines. The server decides what is free and what is still open.
 */
export function TimeProposalPanel({
  lesson,
  side,
  zone,
}: {
  lesson: BookingDetail;
  side: 'student' | 'instructor';
  zone: string;
}) {
  const upcoming = lesson.status === 'confirmed' && new Date(lesson.startsAt) > new Date();
  const proposal = useProposal(lesson.id, upcoming);
  const actions = useProposalActions(lesson.id);
  const [date, setDate] = useState(() => localDateOf(lesson.startsAt, lesson.timezone));
  const [startTime, setStartTime] = useState('');
  const [proposing, setProposing] = useState(false);
  if (!upcoming || proposal.isPending) return null;
  const open = proposal.data?.proposal?.status === 'open' ? proposal.data.proposal : null;
  const error =
    actions.propose.error ?? actions.accept.error ?? actions.decline.error ?? actions.withdraw.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    actions.propose.mutate({ date, startTime }, { onSuccess: () => setProposing(false) });
  };

  return (
    <section
      aria-labelledby="proposal-heading"
      className="space-y-3 rounded-2xl border border-slate-200 p-5"
      data-testid="time-proposal"
    >
      <h2 id="proposal-heading" className="font-semibold">
        {side === 'student' ? 'A new time?' : 'Propose a new time'}
      </h2>
      {open ? (
        <>
          <p className="text-sm">
            {side === 'student'
              ? `${lesson.instructor.name} proposes to move this lesson to `
              : 'You proposed to move this lesson to '}
            <strong>{formatDateTime(open.startsAt, zone)}</strong>
            {side === 'instructor' && `; ${lesson.student.name} has not answered yet`}.
          </p>
          <div className="flex flex-wrap gap-2">
            {side === 'student' ? (
              <>
                <Button disabled={actions.accept.isPending} onClick={() => actions.accept.mutate(open.id)}>
                  Accept the new time
                </Button>
                <Button
                  variant="secondary"
                  disabled={actions.decline.isPending}
                  onClick={() => actions.decline.mutate(open.id)}
                >
                  Decline
                </Button>
              </>
            ) : (
              <Button
                variant="secondary"
                disabled={actions.withdraw.isPending}
                onClick={() => actions.withdraw.mutate()}
              >
                Withdraw the proposal
              </Button>
            )}
          </div>
        </>
      ) : side === 'student' ? (
        <p className="text-sm text-slate-600">
          {proposal.data?.proposal?.status === 'expired'
            ? 'The proposed time is no longer free; the lesson keeps its time.'
            : 'Your instructor has not proposed another time.'}
        </p>
      ) : null}
      {side === 'instructor' &&
        (proposing ? (
          <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <TextField
              label="Date"
              type="date"
              required
              min={todayIn(lesson.timezone)}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
            <SelectField
              label={`Start (${zoneLabel(lesson.timezone)})`}
              required
              value={startTime}
              onChange={(e) => setStartTime(e.target.value)}
            >
              <option value="">Choose a time</option>
              {STARTS.map((s) => (
                <option key={s.hhmm} value={s.hhmm}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <div className="flex gap-2">
              <Button type="submit" disabled={!date || !startTime || actions.propose.isPending}>
                Send proposal
              </Button>
              <Button variant="ghost" onClick={() => setProposing(false)}>
                Close
              </Button>
            </div>
          </form>
        ) : (
          <div>
            <p className="mb-2 text-sm text-slate-600">
              {open ? 'A new proposal replaces this one.' : `${lesson.student.name} accepts or declines it.`}
            </p>
            <Button variant="secondary" onClick={() => setProposing(true)}>
              {open ? 'Propose another time' : 'Propose a new time'}
            </Button>
          </div>
        ))}
      <InlineError error={error} />
    </section>
  );
}
