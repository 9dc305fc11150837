import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { safeNext } from './safe-next';
import { useSignIn } from './use-me';

export default function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Log in</h1>
        {next.startsWith('/book/') && (
          <p className="text-sm text-slate-600">Log in to finish your booking; your chosen time is kept.</p>
        )}
      </div>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <InlineError error={signIn.error} />
        <Button type="submit" className="w-full" disabled={signIn.isPending}>
          {signIn.isPending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
      <div className="flex justify-between text-sm">
        <Link to="/reset-password" className="text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
        <Link to={`/signup?next=${encodeURIComponent(next)}`} className="text-indigo-700 hover:underline">
          Create an account
        </Link>
      </div>
    </div>
  );
}
