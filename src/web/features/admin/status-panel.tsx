import { useState, type FormEvent } from 'react';
import type { AccountStatus, AdminUserDetail } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextArea } from '../../components/field';
import { InlineError } from '../../components/states';
import { formatDate } from '../../lib/time';
import { STATUS_LABEL } from './account-status-badge';
import { useSetAccountStatus } from './admin-queries';

const STATUS_ACTIONS: { to: AccountStatus; label: string; effect: string }[] = [
  { to: 'active', label: 'Reactivate', effect: 'They can sign in and book or teach again.' },
  {
    to: 'suspended',
    label: 'Suspend',
    effect: 'They keep their session but cannot book or take new lessons until reactivated.',
  },
  {
    to: 'deactivated',
    label: 'Deactivate',
    effect: 'Their sessions end at once and they cannot sign in until reactivated.',
  },
];

/** The account's status since when and why, and (with manage_users, not on oneself) the change, confirmed with a reason. */
export function StatusPanel({
  user,
  zone,
  canManage,
  self,
}: {
  user: AdminUserDetail;
  zone: string;
  canManage: boolean;
  self: boolean;
}) {
  const setStatus = useSetAccountStatus(user.id);
  const [pending, setPending] = useState<(typeof STATUS_ACTIONS)[number] | null>(null);
  const [reason, setReason] = useState('');
  const close = () => {
    setPending(null);
    setReason('');
    setStatus.reset();
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) return;
    setStatus.mutate(
      { status: pending.to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: close },
    );
  };
  const actions = STATUS_ACTIONS.filter((a) => a.to !== user.accountStatus);

  return (
    <section aria-labelledby="status-h" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="status-h" className="font-semibold">
        Account status
      </h2>
      {user.statusChangedAt && (
        <p className="text-sm text-slate-700" data-testid="status-since">
          {STATUS_LABEL[user.accountStatus]} since {formatDate(user.statusChangedAt, zone)}
          {user.statusReason ? `: “${user.statusReason}”` : ''}
        </p>
      )}
      {!canManage ? (
        <p className="text-sm text-slate-600">
          You can see this account; changing its status needs the manage users permission.
        </p>
      ) : self ? (
        <p className="text-sm text-slate-600">You cannot suspend or deactivate your own account from here.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((a) => (
            <Button
              key={a.to}
              variant={a.to === 'active' ? 'primary' : 'secondary'}
              onClick={() => setPending(a)}
            >
              {a.label}
            </Button>
          ))}
        </div>
      )}
      <Dialog open={!!pending} onClose={close} title={`${pending?.label ?? ''} ${user.fullName}?`}>
        <form className="space-y-4" onSubmit={confirm}>
          <p className="text-sm">{pending?.effect}</p>
          <TextArea
            label="Reason (optional)"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <InlineError error={setStatus.error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Keep as is
            </Button>
            <Button
              type="submit"
              variant={pending?.to === 'active' ? 'primary' : 'danger'}
              disabled={setStatus.isPending}
            >
              {pending?.label}
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
