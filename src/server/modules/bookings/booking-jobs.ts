import type { AppDeps } from '../../platform/deps.js';
import type { ModuleJobs } from '../../platform/jobs/jobs.js';
import { purgeExpiredIdempotencyKeys } from '../../platform/idempotency/idempotent-request.js';
import { notifyParticipants } from './booking-notifications.js';
import { autoCompleteEnded, claimDueReminders } from './bookings.repo.js';

/** Nobody marked the lesson: it counts as completed this long after its end (PRODUCT §5). */
const AUTO_COMPLETE_AFTER_HOURS = 24;

export const bookingJobs: ModuleJobs<AppDeps> = {
  schedules: [
    { id: 'bookings-auto-complete', job: 'bookings.auto-complete', pattern: '*/15 * * * *' },
    { id: 'bookings-reminders', job: 'bookings.reminders', pattern: '*/5 * * * *' },
    // Booking creation is what stores Idempotency-Keys today, so it also runs their purge.
    { id: 'idempotency-purge', job: 'idempotency.purge', pattern: '17 * * * *' },
  ],
  jobs: (deps) => [
    {
      name: 'bookings.auto-complete',
      handler: async () => {
        const n = await autoCompleteEnded(deps.db, deps.clock.now(), AUTO_COMPLETE_AFTER_HOURS);
        if (n) deps.log.info({ completed: n }, 'lessons auto-completed');
      },
    },
    {
      name: 'bookings.reminders',
      handler: async () => {
        // Claiming (setting reminder_sent_at) and queuing in one transaction: across workers and
        // crashes, each reminder is written exactly once.
        const n = await deps.db.transaction(async (tx) => {
          const due = await claimDueReminders(tx, deps.clock.now());
          for (const b of due) await notifyParticipants(tx, deps.mailer, 'reminder', b, deps.clock);
          return due.length;
        });
        if (n) deps.mailer.committed();
      },
    },
    {
      name: 'idempotency.purge',
      handler: () => purgeExpiredIdempotencyKeys(deps.db, deps.clock.now()),
    },
  ],
};
