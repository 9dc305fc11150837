import { useState } from 'react';
import { LoginForm } from '../auth/login-form';
import { SignupForm } from '../auth/signup-form';

/**
 * Asked of a guest only when they confirm: log in or sign up right here, and the review they were
 * reading (time, length, place, note) stays as it was.
 */
export function GuestSignIn() {
  // Signing in changes who is looking: the review step re-renders for them with its draft intact.
  const onSignedIn = () => undefined;
  const [mode, setMode] = useState<'login' | 'signup'>('login');
  const tab = (m: typeof mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === m}
      onClick={() => setMode(m)}
      className={`rounded-lg px-3 py-1.5 text-sm font-medium ${mode === m ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
    >
      {label}
    </button>
  );
  return (
    <section
      aria-labelledby="guest-sign-in"
      className="space-y-4 rounded-2xl border border-indigo-200 bg-indigo-50/40 p-5"
    >
      <div className="space-y-1">
        <h2 id="guest-sign-in" className="font-semibold">
          Log in or sign up to book
        </h2>
        <p className="text-sm text-slate-600">Your chosen time and details are kept.</p>
      </div>
      <div className="flex gap-2">
        {tab('login', 'I have an account')}
        {tab('signup', 'I am new here')}
      </div>
      {mode === 'login' ? <LoginForm onDone={onSignedIn} /> : <SignupForm onDone={onSignedIn} />}
    </section>
  );
}
