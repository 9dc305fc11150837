import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { Clock } from '../clock.js';
import { OutboxRelay } from './outbox-relay.js';

/** SMTP connections per relay process; the relay sends as many messages of a batch at once. */
export const SMTP_CONNECTIONS = 5;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text` (email-layout.ts renders both from one content). */
  html?: string;
  /** Names the message kind (password_reset, booking_confirmation...) for admins and tests. */
  template: string;
  /** A `text/calendar; method=...` attachment is sent as the message's calendar invitation. */
  attachments?: { filename: string; contentType: string; content: string }[];
  /** Extra headers, e.g. List-Unsubscribe on optional mail (unsubscribe.ts builds them). */
  headers?: Record<string, string>;
}

/** The bare address of a `Name <address>` sender (an iCalendar ORGANIZER needs just the address). */
export function addressOf(from: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

/**
 * Email as a transactional outbox: `queue` writes the messages with the caller's transaction, so
 * a change and the emails it causes commit (or vanish) together, whatever crashes afterwards.
 * Delivery never runs on the request path and needs no Redis: the relay drains the table.
 */
export class Mailer {
  readonly relay?: OutboxRelay;

  /**
   * `from` is the sender of every message; `publicUrl` is where the links in them point (both from
   * config, here so that whoever writes an email has them without more plumbing). `listSecret`
   * signs the per-person unsubscribe links of optional mail (config's session secret; a random
   * one per process when absent, as in tests that build a Mailer by hand).
   */
  constructor(
    db: Db,
    log: Logger,
    private readonly clock: Clock,
    readonly from: string,
    smtpUrl?: string,
    readonly publicUrl = 'http://localhost:3000',
    readonly listSecret: string = randomBytes(32).toString('hex'),
  ) {
    if (smtpUrl) {
      // Pooled: one SMTP handshake per connection, not per message, and a few messages in flight.
      const transport: Transporter = nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: SMTP_CONNECTIONS,
      });
      this.relay = new OutboxRelay(db, transport, from, log, clock);
    }
  }

  /** Records the messages in one insert inside `tx` (a booking emails both people). */
  async queue(tx: Db, ...emails: OutgoingEmail[]): Promise<void> {
    if (!emails.length) return;
    await tx.insert(emailOutbox).values(
      emails.map((email) => ({
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html ?? null,
        template: email.template,
        attachments: email.attachments ?? null,
        headers: email.headers ?? null,
        status: this.relay ? 'queued' : 'stored',
        // The relay compares with the same clock, so a test's clock moves delivery too.
        nextAttemptAt: this.clock.now(),
      })),
    );
  }

  /** Call after the transaction that queued mail commits: delivery starts now, not at the next poll. */
  committed(): void {
    this.relay?.nudge();
  }

  /** Starts delivery in processes that run background work (ROLE=all|worker). */
  start(): void {
    this.relay?.start();
  }

  async close(): Promise<void> {
    await this.relay?.close();
  }
}
