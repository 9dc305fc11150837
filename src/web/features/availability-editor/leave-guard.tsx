import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

/**
 * Leaving with unsaved changes asks first: in-app links through the router (not while a save is
 * under way: it remounts the editor), the tab through the browser.
 */
export function LeaveGuard({ dirty, saving }: { dirty: boolean; saving: boolean }) {
  const blocker = useBlocker(dirty && !saving);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
    >
      <p className="mb-4 text-sm">Your changes to this week are not saved yet.</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => blocker.reset?.()}>
          Stay
        </Button>
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          Leave and discard
        </Button>
      </div>
    </Dialog>
  );
}
