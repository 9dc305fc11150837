import { ButtonLink } from '../components/button';

export default function NotFoundPage() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-600">The page you asked for does not exist or has moved.</p>
      <ButtonLink to="/">Back to the home page</ButtonLink>
    </div>
  );
}
