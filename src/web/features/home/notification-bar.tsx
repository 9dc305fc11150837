import { Bell, X } from 'lucide-react';
import { useState } from 'react';

/** A one-line notice; once dismissed it stays dismissed in this browser. */
export function NotificationBar({ id, children }: { id: string; children: React.ReactNode }) {
  const key = `ii.dismissed.${id}`;
  const [hidden, setHidden] = useState(() => localStorage.getItem(key) === '1');
  if (hidden) return null;
  return (
    <div
      role="region"
      aria-label="Notice"
      className="flex items-center gap-3 rounded-xl bg-indigo-50 px-4 py-3 text-sm text-indigo-900"
    >
      <Bell className="size-4 shrink-0" aria-hidden />
      <div className="flex-1">{children}</div>
      <button
        type="button"
        onClick={() => {
          localStorage.setItem(key, '1');
          setHidden(true);
        }}
        className="rounded-md p-1 hover:bg-indigo-100"
        aria-label="Dismiss this notice"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
