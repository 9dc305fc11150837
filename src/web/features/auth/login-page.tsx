import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from './login-form';
import { safeNext } from './safe-next';

export default function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Log in</h1>
        {next.startsWith('/book/') && (
          <p className="text-sm text-slate-600">Log in to finish your booking; your chosen time is kept.</p>
        )}
      </div>
      <LoginForm onDone={() => void navigate(next, { replace: true })} />
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
