import type { AdminUserDetail, PermissionInfo } from '../../api/contracts';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { usePermissionList, useSetPermission } from './admin-queries';

const SCOPE_LABEL: Record<PermissionInfo['scope'], string> = {
  shared: 'Everyone',
  student: 'Students',
  instructor: 'Instructors',
  admin: 'Admins',
};

/** Every permission by scope, checked where held; with manage_permissions each is granted or revoked here. */
export function PermissionsPanel({
  user,
  canManage,
  self,
}: {
  user: AdminUserDetail;
  canManage: boolean;
  self: boolean;
}) {
  const all = usePermissionList();
  const setPermission = useSetPermission(user.id);
  const held = new Set(user.permissions);
  const scopes = Object.keys(SCOPE_LABEL) as PermissionInfo['scope'][];

  return (
    <section aria-labelledby="perm-h" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <div>
        <h2 id="perm-h" className="font-semibold">
          Permissions
        </h2>
        <p className="text-sm text-slate-600">
          {held.size} held. Roles grant most of them; a change here applies to this account alone and wins
          over its roles.
        </p>
      </div>
      <InlineError error={setPermission.error} />
      {all.isPending ? (
        <Loading rows={3} />
      ) : all.isError ? (
        <ErrorState error={all.error} retry={() => void all.refetch()} />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {scopes.map((scope) => (
            <fieldset key={scope} className="space-y-1">
              <legend className="text-sm font-semibold text-slate-700">{SCOPE_LABEL[scope]}</legend>
              {all.data
                .filter((p) => p.scope === scope)
                .map((p) => {
                  const has = held.has(p.name);
                  // Own permissions can be added but not removed here (the server refuses too).
                  const locked = !canManage || setPermission.isPending || (self && has);
                  return (
                    <label
                      key={p.name}
                      className="flex items-start gap-2 rounded-lg p-1.5 text-sm hover:bg-slate-50"
                    >
                      <input
                        type="checkbox"
                        className="mt-0.5 size-4 accent-indigo-600"
                        checked={has}
                        disabled={locked}
                        onChange={(e) => setPermission.mutate({ name: p.name, granted: e.target.checked })}
                      />
                      <span>
                        <span className="block">{p.description}</span>
                        <code className="text-xs text-slate-500">{p.name}</code>
                      </span>
                    </label>
                  );
                })}
            </fieldset>
          ))}
        </div>
      )}
    </section>
  );
}
