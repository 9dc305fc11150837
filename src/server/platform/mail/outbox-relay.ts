import type { SendMailOptions, Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import type { Clock } from '../clock.js';

export type Claimed = {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: { filename: string; contentType: string; content: string }[] | null;
  headers?: Record<string, string> | null;
  attempts: number;
};

export const MAX_ATTEMPTS = 5;
const BATCH = 25;
const POLL_MS = 1000;
/** Longer than any SMTP send; a relay that dies mid-send loses its claim after this. */
const CLAIM_SECONDS = 60;
const BACKOFF_BASE_MS = 2000;

/** Delay before retry number `attempt` (1-based): 2 s, 4 s, 8 s, ... */
export const retryDelayMs = (attempt: number) => BACKOFF_BASE_MS * 2 ** (attempt - 1);

const CALENDAR = /^text\/calendar\b.*\bmethod=([A-Za-z]+)/i;

/**
 * The nodemailer message of an outbox row: text and HTML as multipart/alternative, and a calendar
 * attachment as nodemailer's `icalEvent`, which puts it both in the alternatives (where Outlook
 * and Gmail look for an invitation) and as a `.ics` attachment, with the `method=` the file has.
 */
export function messageOf(from: string, m: Claimed): SendMailOptions {
  const calendar = m.attachments?.find((a) => CALENDAR.test(a.contentType));
  const others = m.attachments?.filter((a) => a !== calendar) ?? [];
  return {
    from,
    to: m.to_address,
    subject: m.subject,
    text: m.text_body,
    ...(m.html_body ? { html: m.html_body } : {}),
    ...(m.headers && Object.keys(m.headers).length ? { headers: m.headers } : {}),
    ...(calendar
      ? {
          icalEvent: {
            method: CALENDAR.exec(calendar.contentType)![1]!.toUpperCase(),
            filename: calendar.filename,
            content: calendar.content,
          },
        }
      : {}),
    ...(others.length
      ? {
          attachments: others.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        }
      : {}),
  };
}

/**
 * Drains `queued` rows of email_outbox over SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED and
 * a time-limited lease, so any number of worker processes share the table without sending a
 * message twice, and a crashed worker's rows are picked up once its lease runs out.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly transport: Transporter,
    private readonly from: string,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {}

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.nudge(), POLL_MS);
    this.timer.unref();
    this.nudge();
  }

  /** Runs a drain now, or right after the one in progress. Never throws. */
  nudge(): void {
    if (this.closed || !this.timer) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainAll()
      .catch((err: Error) => this.log.warn({ err: err.message }, 'email outbox drain failed'))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async drainAll(): Promise<void> {
    while (!this.closed && (await this.drainOnce()) === BATCH);
  }

  /** Claims and sends one batch of due messages; returns how many were claimed. */
  async drainOnce(): Promise<number> {
    const now = this.clock.now();
    const claimed = await rowsOf<Claimed>(
      this.db,
      sql`UPDATE email_outbox SET locked_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString()}::timestamptz,
                 attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM email_outbox
            WHERE status = 'queued' AND next_attempt_at <= ${now.toISOString()}::timestamptz
              AND (locked_until IS NULL OR locked_until < ${now.toISOString()}::timestamptz)
            ORDER BY next_attempt_at LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, text_body, html_body, attachments, headers, attempts`,
    );
    // All of the batch at once: the pooled transport queues them over its few connections.
    await Promise.all(claimed.map((m) => this.send(m)));
    return claimed.length;
  }

  private async send(m: Claimed): Promise<void> {
    try {
      await this.transport.sendMail(messageOf(this.from, m));
      await this.db.execute(
        sql`UPDATE email_outbox SET status = 'sent', sent_at = now(), locked_until = NULL, error = NULL
            WHERE id = ${m.id}`,
      );
    } catch (err) {
      const message = (err as Error).message;
      const final = m.attempts >= MAX_ATTEMPTS;
      const next = new Date(this.clock.now().getTime() + retryDelayMs(m.attempts));
      await this.db.execute(
        sql`UPDATE email_outbox SET status = ${final ? 'failed' : 'queued'}, error = ${message},
                   locked_until = NULL, next_attempt_at = ${next.toISOString()}::timestamptz
            WHERE id = ${m.id}`,
      );
      this.log[final ? 'error' : 'warn'](
        { outboxId: m.id, attempt: m.attempts, err: message },
        'email delivery failed',
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    this.transport.close();
  }
}
