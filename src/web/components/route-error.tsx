import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, ButtonLink } from './button';

/**
 * What a page shows instead of a blank screen when it fails to render or its code cannot be
 * loaded (after a deploy the old chunk names are gone: reloading fetches the new ones).
 */
export function RouteError() {
  const error = useRouteError();
  const chunkGone =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : chunkGone
      ? 'A newer version of InstaInstru is available.'
      : 'Something went wrong on this page.';
  return (
    <div role="alert" className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{message}</h1>
      <p className="text-slate-600">Reload to try again; nothing you saved is lost.</p>
      <div className="flex justify-center gap-3">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <ButtonLink variant="secondary" to="/">
          Home
        </ButtonLink>
      </div>
    </div>
  );
}
