import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  to: string[];
  subject: string;
  /** Booking ids named by the message's calendar attachment (UID:<id>@the public host). */
  bookingIds: string[];
  at: number;
}

/** Accepts every message (no TLS, no auth) and keeps who it was for, its subject and its booking ids. */
export class SmtpSink {
  readonly messages: SunkMessage[] = [];
  private readonly server: SMTPServer;

  constructor(readonly port: number) {
    this.server = new SMTPServer({
      authOptional: true,
      // Without STARTTLS advertised, nodemailer stays on plain SMTP to 127.0.0.1.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: subjectOf(raw),
            bookingIds: bookingIdsIn(raw),
            at: Date.now(),
          });
          callback();
        });
      },
    });
    // A client SIGKILLed mid-connection (the fault under test) resets its pooled SMTP socket; the
    // sink carries on. Without a listener the 'error' event would end the whole suite.
    this.server.on('error', (err: Error & { code?: string }) => {
      if (err.code !== 'ECONNRESET') console.error(`smtp sink: ${err.message}`);
    });
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Messages for one booking and recipient whose subject starts with the given word. */
  count(bookingId: string, to: string, subjectPrefix: string): number {
    return this.messages.filter(
      (m) =>
        m.bookingIds.includes(bookingId) &&
        m.to.includes(to.toLowerCase()) &&
        m.subject.startsWith(subjectPrefix),
    ).length;
  }
}

function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  // Unfold continuation lines before reading the header.
  const m = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(head);
  if (!m) return '';
  return decodeWords(m[1]!.replace(/\r?\n[ \t]/g, ' ').trim());
}

/** RFC 2047 encoded-words, which nodemailer uses for non-ASCII subjects. */
function decodeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_all, _cs, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** Attachments may be base64 or quoted-printable; look in the raw text and in both decodings. */
function bookingIdsIn(raw: string): string[] {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
  const b64 = (raw.match(/(?:^[A-Za-z0-9+/=]{16,}\r?\n)+/gm) ?? [])
    .map((block) => Buffer.from(block.replace(/\s+/g, ''), 'base64').toString('utf8'))
    .join('\n');
  const ids = new Set<string>();
  for (const text of [raw, qp, b64]) for (const m of text.matchAll(/UID:([0-9a-f-]{36})@/g)) ids.add(m[1]!);
  return [...ids];
}
