import { renderEmail } from '../../platform/mail/email-layout.js';
import type { OutgoingEmail } from '../../platform/mail/mailer.js';

/**
 * The one email of a burst: who wrote and a link to the thread. The text itself stays on the
 * platform, where masking and moderation apply.
 */
export function newMessageEmail(o: {
  to: string;
  recipientName: string;
  senderName: string;
  conversationId: string;
  publicUrl: string;
  /** List-Unsubscribe for the recipient (new-message emails are optional). */
  headers: Record<string, string>;
}): OutgoingEmail {
  const link = new URL(`/messages/${o.conversationId}`, o.publicUrl).toString();
  return {
    to: o.to,
    subject: `New message from ${o.senderName}`,
    template: 'new_message',
    headers: o.headers,
    ...renderEmail({
      greeting: `Hi ${o.recipientName},`,
      paragraphs: [`${o.senderName} sent you a message on InstaInstru.`],
      action: { label: 'Read it and reply', url: link },
      footer:
        'You will not get another email about this conversation until you have read it. ' +
        'Turn these emails off under Email preferences on your account page.',
    }),
  };
}
