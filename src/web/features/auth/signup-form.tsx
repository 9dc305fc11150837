import { useState, type FormEvent } from 'react';
import { fieldErrors, formLevelError } from '../../api/field-errors';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { browserZone } from '../../lib/time';
import { useSignUp } from './use-me';

const FIELDS = ['fullName', 'email', 'password'] as const;

/** Name, email and password; used by the signup page and inline where a guest confirms a booking. */
export function SignupForm({ onDone }: { onDone: () => void }) {
  const signUp = useSignUp();
  const [form, setForm] = useState({ fullName: '', email: '', password: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const errors = fieldErrors(signUp.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate({ ...form, timezone: browserZone() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField
        label="Full name"
        autoComplete="name"
        required
        value={form.fullName}
        onChange={set('fullName')}
        error={errors.fullName}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={form.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters, with a digit and an upper-case letter."
        value={form.password}
        onChange={set('password')}
        error={errors.password}
      />
      <InlineError error={formLevelError(signUp.error, FIELDS)} />
      <Button type="submit" className="w-full" disabled={signUp.isPending}>
        {signUp.isPending ? 'Creating your account…' : 'Sign up'}
      </Button>
    </form>
  );
}
