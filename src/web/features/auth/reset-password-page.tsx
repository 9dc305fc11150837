import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { ResetRequested, ResetTokenInfo } from '../../api/contracts';
import { Button, ButtonLink } from '../../components/button';
import { TextField } from '../../components/field';
import { ErrorState, InlineError, Loading } from '../../components/states';

/** Without a token: ask for the email. With one (the emailed link): choose a new password. */
export default function ResetPasswordPage() {
  const { token } = useParams();
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-bold">Reset your password</h1>
      {token ? <ChooseNewPassword token={token} /> : <RequestLink />}
    </div>
  );
}

function RequestLink() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () =>
      api<ResetRequested>('/auth/password-reset/request', { method: 'POST', body: { email } }),
  });
  if (request.isSuccess) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
        {request.data.message}
      </p>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-600">We will email you a link that works for one hour.</p>
      <TextField
        label="Email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <InlineError error={request.error} />
      <Button type="submit" className="w-full" disabled={request.isPending}>
        Send the link
      </Button>
      <Link to="/login" className="block text-sm text-indigo-700 hover:underline">
        Back to log in
      </Link>
    </form>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const verify = useQuery({
    queryKey: ['reset-token', token],
    queryFn: () => api<ResetTokenInfo>(`/auth/password-reset/verify/${encodeURIComponent(token)}`),
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => api('/auth/password-reset/confirm', { method: 'POST', body: { token, password } }),
  });
  if (verify.isPending) return <Loading rows={1} />;
  if (verify.isError) return <ErrorState error={verify.error} />;
  if (confirm.isSuccess) {
    return (
      <div role="status" className="space-y-4">
        <p className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
          Your password is changed. Every other session was signed out.
        </p>
        <ButtonLink to="/login">Log in</ButtonLink>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-600">For {verify.data.email}</p>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters, with a digit and an upper-case letter."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <InlineError error={confirm.error} />
      <Button type="submit" className="w-full" disabled={confirm.isPending}>
        Save the new password
      </Button>
    </form>
  );
}
