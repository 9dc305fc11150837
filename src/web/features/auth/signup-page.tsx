import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { browserZone } from '../../lib/time';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { safeNext } from './safe-next';
import { useSignUp } from './use-me';

export default function SignupPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [form, setForm] = useState({ fullName: '', email: '', password: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate(
      { ...form, timezone: browserZone() },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="Full name"
          autoComplete="name"
          required
          value={form.fullName}
          onChange={set('fullName')}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters, with a digit and an upper-case letter."
          value={form.password}
          onChange={set('password')}
        />
        <InlineError error={signUp.error} />
        <Button type="submit" className="w-full" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating your account…' : 'Sign up'}
        </Button>
      </form>
      <p className="text-sm">
        Already have an account?{' '}
        <Link to={`/login?next=${encodeURIComponent(next)}`} className="text-indigo-700 underline">
          Log in
        </Link>
      </p>
    </div>
  );
}
