import { ShieldAlert } from 'lucide-react';
import { ButtonLink } from './button';

/** A page the signed-in viewer may not use: said plainly, with no retry (asking again changes nothing). */
export function NotAllowed() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <ShieldAlert className="mx-auto size-10 text-slate-400" aria-hidden />
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="text-slate-600">
        Your account cannot open it. If you think it should, ask an administrator for the permission.
      </p>
      <ButtonLink to="/">Back to the home page</ButtonLink>
    </div>
  );
}

/** Something the address names does not exist (or is not yours): no retry, a way back instead. */
export function NotFoundState({
  title,
  backTo,
  backLabel,
}: {
  title: string;
  backTo: string;
  backLabel: string;
}) {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">The link may be wrong, or it was removed.</p>
      <ButtonLink to={backTo}>{backLabel}</ButtonLink>
    </div>
  );
}
