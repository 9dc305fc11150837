import { useState, type FormEvent } from 'react';
import { fieldErrors, formLevelError } from '../../api/field-errors';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { useSignIn } from './use-me';

/** Email and password; used by the login page and inline where a guest confirms a booking. */
export function LoginForm({ onDone }: { onDone: () => void }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(signIn.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <InlineError error={formLevelError(signIn.error, ['email', 'password'])} />
      <Button type="submit" className="w-full" disabled={signIn.isPending}>
        {signIn.isPending ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}
