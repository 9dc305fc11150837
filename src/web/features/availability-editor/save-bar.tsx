import { Save } from 'lucide-react';
import { Button } from '../../components/button';
import { InlineError } from '../../components/states';
import type { useSaveWeek } from './availability-queries';

/** Sticky at the bottom: unsaved/saved state, the save error, discard and save. */
export function SaveBar({
  dirty,
  save,
  onDiscard,
  onSave,
}: {
  dirty: boolean;
  save: ReturnType<typeof useSaveWeek>;
  onDiscard: () => void;
  onSave: () => void;
}) {
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-white/95 py-3">
      {dirty && <span className="text-sm text-amber-700">You have unsaved changes.</span>}
      {save.isSuccess && !dirty && (
        <span role="status" className="text-sm text-emerald-700">
          Saved. Students see the new times now.
        </span>
      )}
      <InlineError error={save.error} />
      <Button variant="secondary" disabled={!dirty} onClick={onDiscard}>
        Discard
      </Button>
      <Button disabled={!dirty || save.isPending} onClick={onSave}>
        <Save className="size-4" aria-hidden /> {save.isPending ? 'Saving…' : 'Save week'}
      </Button>
    </div>
  );
}
