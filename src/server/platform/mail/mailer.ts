import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { JobRunner } from '../jobs/jobs.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Names the message kind (password_reset, booking_confirmation...) for admins and tests. */
  template: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

export const SEND_EMAIL_JOB = 'email.send';

/**
 * Requests only enqueue; the job records the message in email_outbox and, when SMTP is
 * configured, delivers it. Delivery failures retry with backoff.
 */
export class Mailer {
  private readonly transport?: Transporter;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRunner,
    private readonly from: string,
    smtpUrl?: string,
  ) {
    if (smtpUrl) this.transport = nodemailer.createTransport(smtpUrl);
    jobs.define<{ outboxId: string }>({
      name: SEND_EMAIL_JOB,
      attempts: 5,
      backoffMs: 2000,
      handler: ({ outboxId }) => this.deliver(outboxId),
    });
  }

  /** Records the messages in one insert (a booking emails both people) and queues their delivery. */
  async queue(...emails: OutgoingEmail[]): Promise<void> {
    if (!emails.length) return;
    const rows = await this.db
      .insert(emailOutbox)
      .values(
        emails.map((email) => ({
          toAddress: email.to,
          subject: email.subject,
          textBody: email.text,
          template: email.template,
          attachments: email.attachments ?? null,
          status: this.transport ? 'queued' : 'stored',
        })),
      )
      .returning({ id: emailOutbox.id });
    if (this.transport) for (const row of rows) await this.jobs.enqueue(SEND_EMAIL_JOB, { outboxId: row.id });
  }

  private async deliver(outboxId: string): Promise<void> {
    const [m] = await this.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    if (!m || m.status === 'sent' || !this.transport) return;
    try {
      await this.transport.sendMail({
        from: this.from,
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        attachments: m.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      await this.db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, error: null })
        .where(eq(emailOutbox.id, outboxId));
    } catch (err) {
      await this.db
        .update(emailOutbox)
        .set({ status: 'failed', attempts: m.attempts + 1, error: (err as Error).message })
        .where(eq(emailOutbox.id, outboxId));
      throw err;
    }
  }
}
