import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Me, MeResponse } from '../../api/contracts';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { InlineError, Loading } from '../../components/states';
import { TimeZonePicker } from '../../components/time-zone-picker';
import { browserZone, zoneLabel } from '../../lib/time';
import { meKey, useMe } from '../auth/use-me';
import { EmailPreferencesSection } from './email-preferences-section';
import { PrivacySection } from './privacy-section';

export default function AccountPage() {
  const { data: me } = useMe();
  if (!me) return <Loading rows={2} />;
  return (
    <div className="mx-auto max-w-xl space-y-10">
      <h1 className="text-2xl font-bold">Your account</h1>
      <ProfileForm me={me} />
      <PasswordForm />
      <EmailPreferencesSection />
      <PrivacySection />
    </div>
  );
}

function Saved({ show }: { show: boolean }) {
  return show ? (
    <p role="status" className="text-sm text-emerald-700">
      Saved.
    </p>
  ) : null;
}

function ProfileForm({ me }: { me: Me }) {
  const qc = useQueryClient();
  const [fullName, setFullName] = useState(me.fullName);
  const [timezone, setTimezone] = useState(me.timezone);
  const save = useMutation({
    mutationFn: () => api<MeResponse>('/auth/me', { method: 'PATCH', body: { fullName, timezone } }),
    // Every time on every page depends on the zone, so everything is fetched again.
    onSuccess: () => qc.invalidateQueries(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-lg font-semibold">
        Profile
      </h2>
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Email" value={me.email} disabled readOnly />
        <TextField
          label="Full name"
          required
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
        />
        <TimeZonePicker value={timezone} onChange={setTimezone} />
        <p className="text-xs text-slate-500">
          Times are shown in {zoneLabel(timezone)}.
          {timezone !== browserZone() && ` This device is set to ${zoneLabel(browserZone())}.`}
        </p>
        <InlineError error={save.error} />
        <Saved show={save.isSuccess} />
        <Button type="submit" disabled={save.isPending}>
          Save profile
        </Button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const qc = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api('/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <section aria-labelledby="password-heading" className="space-y-4">
      <h2 id="password-heading" className="text-lg font-semibold">
        Password
      </h2>
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters, with a digit and an upper-case letter."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <InlineError error={change.error} />
        {change.isSuccess && (
          <p role="status" className="text-sm text-emerald-700">
            Password changed. Your other sessions were signed out.
          </p>
        )}
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </section>
  );
}
