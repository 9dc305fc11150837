import { MessageSquare } from 'lucide-react';
import { Button } from '../../components/button';
import { InlineError } from '../../components/states';
import { useOpenConversation } from './messages-queries';

/** "Message instructor" / "Message student": opens (or finds) the pair's conversation and shows it. */
export function MessageButton({
  with: withWhom,
  label,
  variant = 'secondary',
}: {
  with: { instructorId: string } | { studentId: string };
  label: string;
  variant?: 'primary' | 'secondary';
}) {
  const open = useOpenConversation();
  return (
    <div className="space-y-1">
      <Button variant={variant} disabled={open.isPending} onClick={() => open.mutate(withWhom)}>
        <MessageSquare className="size-4" aria-hidden /> {label}
      </Button>
      <InlineError error={open.error} />
    </div>
  );
}
