/**
 * One small layout for every email: the same content rendered as plain text and as HTML, so the
 * two parts of a multipart/alternative message always say the same thing. Every interpolated
 * value is text; the HTML part escapes it, so a name like `<b>Ada</b>` is shown, never rendered.
 */
export interface EmailContent {
  greeting: string;
  /** Plain sentences; blank ones are dropped. */
  paragraphs: (string | undefined)[];
  /** The one button of the email, e.g. "View your lesson". */
  action?: { label: string; url: string };
  /** Small print under the signature (why you got this, how to stop it). */
  footer?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Prices as the people reading them expect: US dollars with cents ($37.50). */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const formatMoney = (cents: number) => usd.format(cents / 100);

const SIGNATURE = 'InstaInstru';

export function renderEmail(c: EmailContent): { text: string; html: string } {
  const paragraphs = c.paragraphs.filter((p): p is string => !!p);
  const text = [
    c.greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`, ''] : []),
    SIGNATURE,
    ...(c.footer ? ['', c.footer] : []),
  ].join('\n');

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const button = c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.action.label)}</a></p>`
    : '';
  const footer = c.footer
    ? `<p style="margin:24px 0 0;font-size:12px;color:#6b7280">${escapeHtml(c.footer)}</p>`
    : '';
  // Inline styles and one table: what mail clients (Outlook included) render consistently.
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(SIGNATURE)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px"><tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">
${p(c.greeting)}
${paragraphs.map(p).join('\n')}
${button}
<p style="margin:0">${escapeHtml(SIGNATURE)}</p>
${footer}
</td></tr></table>
</td></tr></table>
</body></html>
`;
  return { text: text + '\n', html };
}
