import { NavLink } from 'react-router';
import { useMe } from '../auth/use-me';
import { can } from '../auth/can';

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-lg px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100'}`;

/** The admin area's sections; each shows only to admins who hold its permission. */
export function AdminNav() {
  const { data: me } = useMe();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-2 border-b border-slate-200 pb-3">
      {can(me, 'view_all_users') && (
        <NavLink to="/admin/users" end={false} className={tab}>
          Users
        </NavLink>
      )}
      {can(me, 'view_system_analytics') && (
        <NavLink to="/admin/analytics" className={tab}>
          Search analytics
        </NavLink>
      )}
      {can(me, 'access_monitoring') && (
        <NavLink to="/admin/operations" className={tab}>
          Operations
        </NavLink>
      )}
      {can(me, 'view_audit_log') && (
        <NavLink to="/admin/audit-log" className={tab}>
          Audit log
        </NavLink>
      )}
    </nav>
  );
}
