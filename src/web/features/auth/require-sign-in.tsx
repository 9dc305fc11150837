import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { useMe } from './use-me';

/** Pages for signed-in people: a guest is sent to log in and comes back here afterwards. */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <Outlet />;
}
