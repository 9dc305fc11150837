import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ButtonLink } from '../../components/button';
import { ErrorState, Loading } from '../../components/states';
import { ResendVerification } from './email-verification';
import { meKey, useMe } from './use-me';

/** The emailed link lands here (/verify-email?token=…); the token is sent once, on arrival. */
export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const qc = useQueryClient();
  const { data: me } = useMe();
  const verify = useMutation({
    mutationFn: () => api<void>('/auth/verify-email', { method: 'POST', body: { token } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meKey }),
  });
  const { mutate } = verify;
  // A token is single use: sent once even if the effect runs twice (React's strict mode).
  const sent = useRef('');
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate();
  }, [token, mutate]);

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-bold">Verify your email</h1>
      {!token ? (
        <p role="alert" className="text-sm text-rose-700">
          This link has no verification token. Open the link from the email again.
        </p>
      ) : verify.isSuccess ? (
        <div className="space-y-4">
          <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
            Your email is verified. Thank you!
          </p>
          <ButtonLink to="/">Continue</ButtonLink>
        </div>
      ) : verify.isError ? (
        <div className="space-y-4">
          <ErrorState error={verify.error} />
          {me && !me.emailVerified ? (
            <p className="text-sm text-slate-700">
              Ask for a new link: <ResendVerification />
            </p>
          ) : !me ? (
            <Link to="/login" className="block text-sm text-indigo-700 hover:underline">
              Log in to ask for a new link
            </Link>
          ) : null}
        </div>
      ) : (
        <Loading />
      )}
    </div>
  );
}
