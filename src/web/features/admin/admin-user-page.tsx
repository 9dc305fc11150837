import { AdminNav } from './admin-nav';
import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { browserZone } from '../../lib/time';
import { can } from '../auth/can';
import { useMe } from '../auth/use-me';
import { useAdminUser } from './admin-queries';
import { PermissionsPanel } from './permissions-panel';
import { ProfilePanel } from './profile-panel';
import { StatusPanel } from './status-panel';

/** Admin → one account: who it is, its status, and each permission it holds. */
export default function AdminUserPage() {
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();

  return (
    <div className="space-y-6">
      <AdminNav />
      <Link
        to="/admin/users"
        className="inline-flex items-center gap-1 text-sm text-indigo-700 hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden /> All users
      </Link>
      {user.isPending ? (
        <Loading rows={4} />
      ) : user.isError ? (
        <ErrorState error={user.error} retry={() => void user.refetch()} />
      ) : (
        <>
          <ProfilePanel user={user.data} zone={zone} />
          <StatusPanel
            user={user.data}
            zone={zone}
            canManage={can(me, 'manage_users')}
            self={me?.id === id}
          />
          <PermissionsPanel user={user.data} canManage={can(me, 'manage_permissions')} self={me?.id === id} />
        </>
      )}
    </div>
  );
}
