import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from './safe-next';
import { SignupForm } from './signup-form';

export default function SignupPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <SignupForm onDone={() => void navigate(next, { replace: true })} />
      <p className="text-sm">
        Already have an account?{' '}
        <Link to={`/login?next=${encodeURIComponent(next)}`} className="text-indigo-700 underline">
          Log in
        </Link>
      </p>
    </div>
  );
}
