import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Download, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button, buttonClass } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';

/** Download my data (GDPR art. 15/20) and delete my account (art. 17). */
export function PrivacySection() {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="privacy-heading" className="space-y-4">
      <h2 id="privacy-heading" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="text-sm text-slate-600">
        Download everything we hold about you as one JSON file, or delete your account for good.
      </p>
      <div className="flex flex-wrap gap-3">
        {/* A plain link: the browser downloads the file with the session cookie. */}
        <a href="/api/v1/privacy/export" download className={buttonClass('secondary')}>
          <Download className="size-4" aria-hidden /> Download my data
        </a>
        <Button variant="danger" onClick={() => setOpen(true)}>
          <Trash2 className="size-4" aria-hidden /> Delete my account
        </Button>
      </div>
      <DeleteAccountDialog open={open} onClose={() => setOpen(false)} />
    </section>
  );
}

function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => api('/privacy/delete', { method: 'POST', body: { password } }),
    onSuccess: () => {
      qc.clear();
      void navigate('/');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate();
  };
  return (
    <Dialog open={open} onClose={onClose} title="Delete your account?">
      <form onSubmit={submit} className="space-y-4 text-sm">
        <p>This cannot be undone. We will:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>erase your name, email, password, profile, search history and messages you wrote;</li>
          <li>cancel your upcoming lessons without a fee and tell the other person;</li>
          <li>sign you out everywhere.</li>
        </ul>
        <p>
          <strong>What we keep:</strong> past lessons stay as business records (the law requires us to keep
          bookings and payments, and your instructors’ history must stay whole). They show “Deleted user”,
          with nothing that identifies you.
        </p>
        <p className="text-slate-600">Instructors with lessons still to teach must cancel them first.</p>
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <InlineError error={remove.error} />
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            Keep my account
          </Button>
          <Button type="submit" variant="danger" disabled={remove.isPending || !password}>
            Delete my account
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
