import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { UnsubscribeInfo, Unsubscribed } from '../../api/contracts';
import { Button } from '../../components/button';
import { InlineError, Loading } from '../../components/states';
import { EMAIL_CATEGORY_TEXT } from './email-preferences-section';

/**
 * Where an email's unsubscribe link opens: nothing changes until the button is pressed, since
 * mail scanners open links too. Mail apps' one-click POST goes to the server directly.
 */
export default function UnsubscribePage() {
  const { token = '' } = useParams();
  const path = `/email/unsubscribe/${encodeURIComponent(token)}`;
  const info = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => api<UnsubscribeInfo>(path),
    retry: false,
  });
  const stop = useMutation({ mutationFn: () => api<Unsubscribed>(path, { method: 'POST' }) });
  if (info.isPending) return <Loading rows={2} />;
  const label = info.data ? EMAIL_CATEGORY_TEXT[info.data.category].label.toLowerCase() : '';
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      <InlineError error={info.error ?? stop.error} />
      {info.data &&
        (stop.isSuccess || !info.data.subscribed ? (
          <p role="status" className="text-sm text-emerald-700">
            Done: you will get no more {label} emails.
          </p>
        ) : (
          <>
            <p className="text-sm">Stop emails about {label}?</p>
            <Button onClick={() => stop.mutate()} disabled={stop.isPending}>
              Unsubscribe
            </Button>
          </>
        ))}
      <p className="text-sm text-slate-600">
        You can turn emails back on under{' '}
        <Link to="/account" className="underline">
          Email preferences
        </Link>{' '}
        on your account page.
      </p>
    </div>
  );
}
