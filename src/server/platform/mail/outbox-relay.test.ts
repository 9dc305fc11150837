import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import { cloneTestDatabase } from '../../testing/test-app.js';
import { ManualClock } from '../clock.js';
import { Mailer } from './mailer.js';
import { MAX_ATTEMPTS, retryDelayMs } from './outbox-relay.js';

const log = pino({ level: 'silent' });

/** A real SMTP server on loopback; `refuse` makes the next N messages fail with a 451. */
class SmtpSink {
  readonly received: { to: string; subject: string; raw: string }[] = [];
  refuse = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, done) => {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        if (this.refuse > 0) {
          this.refuse--;
          return done(Object.assign(new Error('try later'), { responseCode: 451 }));
        }
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
        for (const r of session.envelope.rcptTo) this.received.push({ to: r.address, subject, raw });
        done();
      });
    },
  });
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  }
  close = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

let database: Database;
let drop: () => Promise<void>;
const sink = new SmtpSink();
let url: string;
beforeAll(async () => {
  ({ database, drop } = await cloneTestDatabase());
  url = await sink.listen();
});
afterAll(async () => {
  await sink.close();
  await database.close();
  await drop();
});

const email = (to: string) => ({ to, subject: `Hello ${to}`, text: 'hi', template: 'test' });
const statusOf = async (to: string) =>
  (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)))[0];
const until = async (cond: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the email outbox relay', () => {
  it('delivers what a committed transaction queued, and marks it sent', async () => {
    const mailer = new Mailer(database.db, log, new ManualClock(new Date()), 'ii@example.com', url);
    mailer.start();
    await database.db.transaction((tx) => mailer.queue(tx, email('a@example.com'), email('b@example.com')));
    mailer.committed();
    const sent = async (to: string) => (await statusOf(to))?.status === 'sent';
    await until(async () => (await sent('a@example.com')) && (await sent('b@example.com')));
    expect(sink.received.filter((m) => m.to.endsWith('@example.com')).map((m) => m.to)).toEqual(
      expect.arrayContaining(['a@example.com', 'b@example.com']),
    );
    await mailer.close();
  });

  it('sends text and HTML as alternatives and the calendar file as an invitation with its method', async () => {
    const mailer = new Mailer(database.db, log, new ManualClock(new Date()), 'ii@example.com', url);
    mailer.start();
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n';
    await database.db.transaction((tx) =>
      mailer.queue(tx, {
        ...email('invite@example.com'),
        html: '<p>hi</p>',
        attachments: [
          {
            filename: 'cancel.ics',
            contentType: 'text/calendar; charset=utf-8; method=CANCEL',
            content: ics,
          },
        ],
      }),
    );
    mailer.committed();
    await until(async () => (await statusOf('invite@example.com'))?.status === 'sent');
    const { raw } = sink.received.find((m) => m.to === 'invite@example.com')!;
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    // Inside the alternatives (where Outlook and Gmail look for an invitation) and as the file.
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(raw).toMatch(/Content-Type: application\/ics; name=cancel\.ics|filename=cancel\.ics/i);
    await mailer.close();
  });

  it('sends nothing that a rolled-back transaction queued', async () => {
    const mailer = new Mailer(database.db, log, new ManualClock(new Date()), 'ii@example.com', url);
    await database.db
      .transaction(async (tx) => {
        await mailer.queue(tx, email('ghost@example.com'));
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await statusOf('ghost@example.com')).toBeUndefined();
    await mailer.close();
  });

  it('retries a refused delivery with backoff, then gives up after the last attempt', async () => {
    const clock = new ManualClock(new Date());
    const mailer = new Mailer(database.db, log, clock, 'ii@example.com', url);
    await database.db.transaction((tx) => mailer.queue(tx, email('flaky@example.com')));
    sink.refuse = 1;
    expect(await mailer.relay!.drainOnce()).toBe(1);
    let row = await statusOf('flaky@example.com');
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.error).toMatch(/try later/);
    // Not due again before its backoff.
    expect(await mailer.relay!.drainOnce()).toBe(0);
    clock.advance(retryDelayMs(1));
    expect(await mailer.relay!.drainOnce()).toBe(1);
    expect(await statusOf('flaky@example.com')).toMatchObject({ status: 'sent', attempts: 2 });

    await database.db.transaction((tx) => mailer.queue(tx, email('doomed@example.com')));
    sink.refuse = MAX_ATTEMPTS;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await mailer.relay!.drainOnce()).toBe(1);
      clock.advance(retryDelayMs(attempt));
    }
    row = await statusOf('doomed@example.com');
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(await mailer.relay!.drainOnce()).toBe(0);
    await mailer.close();
  });

  it('two relays draining the same outbox send each message once', async () => {
    const clock = new ManualClock(new Date());
    const a = new Mailer(database.db, log, clock, 'ii@example.com', url);
    const b = new Mailer(database.db, log, clock, 'ii@example.com', url);
    const to = Array.from({ length: 40 }, (_, i) => `many${i}@example.org`);
    await database.db.transaction((tx) => a.queue(tx, ...to.map(email)));
    const before = sink.received.length;
    await Promise.all([
      a.relay!.drainOnce(),
      b.relay!.drainOnce(),
      a.relay!.drainOnce(),
      b.relay!.drainOnce(),
    ]);
    const got = sink.received.slice(before).map((m) => m.to);
    expect(got.sort()).toEqual([...to].sort());
    await a.close();
    await b.close();
  });
});
