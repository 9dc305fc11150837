import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { meKey } from '../auth/use-me';
import type {
  AccountStatus,
  AdminUser,
  AdminUserDetail,
  AdminUserPage,
  PermissionList,
} from '../../api/contracts';

export interface UserFilters {
  q?: string;
  role?: string;
  status?: string;
  page: number;
}

export const useAdminUsers = (f: UserFilters) =>
  useQuery({
    queryKey: ['admin', 'users', f],
    queryFn: () => api<AdminUserPage>('/admin/users', { query: { ...f, perPage: 20 } }),
  });

export const useAdminUser = (id: string) =>
  useQuery({ queryKey: ['admin', 'user', id], queryFn: () => api<AdminUserDetail>(`/admin/users/${id}`) });

export const usePermissionList = () =>
  useQuery({
    queryKey: ['admin', 'permissions'],
    queryFn: async () => (await api<PermissionList>('/admin/permissions')).items,
    staleTime: Infinity,
  });

/** A change to one user shows in both the list and the detail page. */
function useUserChanged(id: string) {
  const qc = useQueryClient();
  return (user: AdminUser | AdminUserDetail) => {
    // A permission change answers with the whole detail; a status change does not.
    if ('permissions' in user) qc.setQueryData(['admin', 'user', id], user);
    return Promise.all([
      'permissions' in user ? undefined : qc.invalidateQueries({ queryKey: ['admin', 'user', id] }),
      qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
      // The admin may have granted something to themselves.
      qc.invalidateQueries({ queryKey: meKey }),
    ]);
  };
}

export function useSetAccountStatus(id: string) {
  const changed = useUserChanged(id);
  return useMutation({
    mutationFn: (body: { status: AccountStatus; reason?: string }) =>
      api<AdminUser>(`/admin/users/${id}/status`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useSetPermission(id: string) {
  const changed = useUserChanged(id);
  return useMutation({
    mutationFn: ({ name, granted }: { name: string; granted: boolean }) =>
      api<AdminUserDetail>(`/admin/users/${id}/permissions/${name}`, { method: granted ? 'POST' : 'DELETE' }),
    onSuccess: changed,
  });
}
