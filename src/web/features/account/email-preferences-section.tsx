import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EmailCategory, EmailPreferences } from '../../api/contracts';
import { InlineError, Loading } from '../../components/states';

const PREFS_KEY = ['email-preferences'];

/** The optional emails, in the words the account page and the unsubscribe page use. */
export const EMAIL_CATEGORY_TEXT: Record<EmailCategory, { label: string; hint: string }> = {
  newMessages: {
    label: 'New messages',
    hint: 'An email when someone writes to you and you are not on the site.',
  },
  lessonReminders: {
    label: 'Lesson reminders',
    hint: 'An email the day before each lesson, with its calendar file.',
  },
};

/** Turns optional emails on and off; each switch saves at once. */
export function EmailPreferencesSection() {
  const qc = useQueryClient();
  const prefs = useQuery({
    queryKey: PREFS_KEY,
    queryFn: () => api<EmailPreferences>('/auth/me/email-preferences'),
  });
  const save = useMutation({
    mutationFn: (change: Partial<EmailPreferences>) =>
      api<EmailPreferences>('/auth/me/email-preferences', { method: 'PATCH', body: change }),
    // The switch moves at once; a refused change puts it back.
    onMutate: (change) => {
      const before = qc.getQueryData<EmailPreferences>(PREFS_KEY);
      if (before) qc.setQueryData(PREFS_KEY, { ...before, ...change });
      return before;
    },
    onError: (_err, _change, before) => qc.setQueryData(PREFS_KEY, before),
    onSuccess: (saved) => qc.setQueryData(PREFS_KEY, saved),
  });
  return (
    <section aria-labelledby="email-preferences-heading" className="space-y-4">
      <h2 id="email-preferences-heading" className="text-lg font-semibold">
        Email preferences
      </h2>
      <p className="text-sm text-slate-600">
        Booking confirmations, cancellations, changed times and password emails always go.
      </p>
      {prefs.data ? (
        <fieldset className="space-y-3" disabled={save.isPending}>
          <legend className="sr-only">Optional emails</legend>
          {(Object.keys(EMAIL_CATEGORY_TEXT) as EmailCategory[]).map((category) => (
            <label key={category} className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                className="mt-1 size-4"
                checked={prefs.data[category]}
                onChange={(e) => save.mutate({ [category]: e.target.checked })}
              />
              <span>
                <span className="font-medium">{EMAIL_CATEGORY_TEXT[category].label}</span>
                <span className="block text-slate-500">{EMAIL_CATEGORY_TEXT[category].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <Loading rows={2} />
      )}
      <InlineError error={prefs.error ?? save.error} />
      {save.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      )}
    </section>
  );
}
