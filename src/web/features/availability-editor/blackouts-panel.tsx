import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/states';
import { longDay } from '../../lib/time';
import { useBlackoutEdits, useBlackouts } from './availability-queries';

/** Whole days off (holidays, travel): no times are offered on them, whatever the week says. */
export function BlackoutsPanel() {
  const list = useBlackouts();
  const { add, remove } = useBlackoutEdits();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { date, reason },
      {
        onSuccess: () => {
          setDate('');
          setReason('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="blackouts-heading" className="space-y-4">
      <h2 id="blackouts-heading" className="text-lg font-semibold">
        Days off
      </h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <TextField label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField
          label="Reason"
          required
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" disabled={add.isPending || !date || !reason.trim()}>
          Block the day
        </Button>
      </form>
      <InlineError error={add.error ?? remove.error} />
      {list.isPending ? (
        <Loading rows={1} />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No days off planned" />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {list.data.items.map((b) => (
            <li key={b.date} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
              <span>
                <strong>{longDay(b.date)}</strong> — {b.reason}
              </span>
              <Button
                variant="ghost"
                onClick={() => remove.mutate(b.date)}
                aria-label={`Remove the day off on ${longDay(b.date)}`}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
