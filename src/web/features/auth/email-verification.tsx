import { useMutation, useQueryClient } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EmailVerificationState, Me } from '../../api/contracts';
import { Button } from '../../components/button';
import { InlineError } from '../../components/states';
import { meKey, useMe } from './use-me';

const DISMISSED_KEY = 'ii.verify-banner-dismissed';

/** Emails a new verification link; when the server says the address is verified, so does the app. */
export function useResendVerification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<EmailVerificationState>('/auth/verify-email/resend', { method: 'POST' }),
    onSuccess: ({ emailVerified }) => {
      if (emailVerified) void qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** A "Resend" button with what happened beside it. */
export function ResendVerification() {
  const resend = useResendVerification();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className="px-3 py-1"
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        Resend
      </Button>
      {resend.isSuccess && (
        <span role="status">
          {resend.data.emailVerified ? 'Your email is already verified.' : 'A new link is on its way.'}
        </span>
      )}
      <InlineError error={resend.error} />
    </span>
  );
}

const dismissed = (me: Me) => {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === me.id;
  } catch {
    return false;
  }
};

/** For a signed-in user whose address is not verified yet; dismissed for the rest of the visit. */
export function VerifyEmailBanner() {
  const { data: me } = useMe();
  const [hidden, setHidden] = useState(false);
  if (!me || me.emailVerified || hidden || dismissed(me)) return null;
  const dismiss = () => {
    try {
      sessionStorage.setItem(DISMISSED_KEY, me.id);
    } catch {
      // Private mode: hidden for this page view only.
    }
    setHidden(true);
  };
  return (
    <div
      role="region"
      aria-label="Email verification"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3">
        <p className="flex-1">
          Please verify your email: we sent a link to <strong>{me.email}</strong>.
        </p>
        <ResendVerification />
        <button
          type="button"
          className="rounded p-1 hover:bg-amber-100"
          aria-label="Dismiss the verification reminder"
          onClick={dismiss}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
    </div>
  );
}
