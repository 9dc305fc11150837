import { Navigate, Outlet } from 'react-router';
import { Loading } from '../../components/states';
import { NotAllowed } from '../../components/not-allowed';
import type { RouteNeed } from './route-access';
import { routeAccess } from './route-access';
import { useMe } from './use-me';

/** Inside RequireSignIn: the pages below mount only for a viewer who may use them. */
export function RequireAccess({ need }: { need: RouteNeed }) {
  const me = useMe();
  if (!me.data) return <Loading />;
  const access = routeAccess(me.data, need);
  if (access.allow) return <Outlet />;
  if (access.redirect) return <Navigate to={access.redirect} replace />;
  return <NotAllowed />;
}
