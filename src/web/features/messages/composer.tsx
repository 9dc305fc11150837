import { Send } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS } from '../../api/contracts';
import { Button } from '../../components/button';

/** Where a message is written: Enter sends it, Shift+Enter starts a new line. */
export function Composer({ to, onSend }: { to: string; onSend: (body: string) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const near = text.length > MAX_MESSAGE_CHARS * 0.9;

  const send = () => {
    const body = text.trim();
    if (!body) return;
    onSend(body);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // An input method composing a word uses Enter to pick it, not to send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <form
      className="space-y-1 border-t border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Message to {to}
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id={id}
          rows={2}
          maxLength={MAX_MESSAGE_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={`Write to ${to}…`}
          aria-describedby={`${id}-hint`}
          className="block max-h-48 min-h-11 w-full resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        <Button type="submit" disabled={!text.trim()} aria-label="Send">
          <Send className="size-4" aria-hidden />
        </Button>
      </div>
      <p id={`${id}-hint`} className="flex justify-between gap-2 text-xs text-slate-600">
        <span>Enter to send · Shift+Enter for a new line</span>
        <span className={near ? 'font-semibold text-rose-700' : ''}>
          {text.length.toLocaleString('en-US')} / {MAX_MESSAGE_CHARS.toLocaleString('en-US')}
          <span className="sr-only"> characters</span>
        </span>
      </p>
    </form>
  );
}
